"""The authorization matrix (issue #12): every page of the URL conf and every operation of the
OpenAPI document, for every persona, answers exactly as its app's `tests/access_matrix.py` says,
and a refused request changes nothing in the database. See `authz/spec.py` for how to write an entry.
"""

import os
from typing import Any

import pytest

from danvan.core.tests.authz import routes
from danvan.core.tests.authz.build import build_world
from danvan.core.tests.authz.runner import Matrix
from danvan.core.tests.authz.spec import SIGNED_IN


def _missing(kind: str, found: dict[str, routes.Route], declared: dict[str, Any]) -> list[str]:
    lines = []
    for key, route in sorted(found.items()):
        if key in declared:
            continue
        params = ", ".join(f"{name!r}: '<world attribute>'" for name, _ in route.params)
        hint = f", params={{{params}}}" if params else ""
        entry = f'Page(get="{SIGNED_IN}"{hint})' if kind == "PAGES" else f'Operation("{SIGNED_IN}"{hint})'
        lines.append(
            f"{key} ({route.template}) has no entry: add to {kind} in {routes.table_file(route.app)}:\n"
            f"    {key!r}: {entry},"
        )
    return lines


def test_every_page_and_operation_has_an_entry_and_every_entry_a_route() -> None:
    tables = routes.tables()
    pages, operations = routes.pages(), routes.operations()
    problems = list(tables.problems)
    problems += _missing("PAGES", pages, tables.pages)
    problems += _missing("OPERATIONS", operations, tables.operations)
    problems += [
        f"{key}: no such route any more; remove its entry from {tables.origin[key]}"
        for key in sorted(set(tables.pages) - set(pages)) + sorted(set(tables.operations) - set(operations))
    ]
    assert not problems, "\n".join(problems)


@pytest.fixture
def matrix(tree: Any, personas: Any, today: Any, settings: Any, tmp_path: Any) -> Matrix:
    settings.MEDIA_ROOT = tmp_path
    settings.DANVAN_PORTAL_MIN_FILL_SECONDS = 0
    world = build_world(tree, personas, today)
    return Matrix(world, routes.tables().origin)


def _chosen(key: str) -> bool:
    """DANVAN_MATRIX_ONLY=practices:,/api/v1/practices runs only the entries whose key contains one
    of these (while writing entries); the full matrix runs otherwise."""
    only = os.environ.get("DANVAN_MATRIX_ONLY", "")
    return not only or any(part in key for part in only.split(","))


def test_every_page_answers_each_persona_as_the_matrix_says(matrix: Matrix) -> None:
    tables = routes.tables()
    found = {k: r for k, r in routes.pages().items() if k in tables.pages and _chosen(k)}
    matrix.check_pages(found, tables.pages)
    assert not matrix.failures, matrix.report()


def test_every_api_operation_answers_each_persona_as_the_matrix_says(matrix: Matrix) -> None:
    tables = routes.tables()
    found = {k: r for k, r in routes.operations().items() if k in tables.operations and _chosen(k)}
    matrix.check_operations(found, tables.operations)
    assert not matrix.failures, matrix.report()
