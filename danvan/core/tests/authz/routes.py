"""What the matrix must cover: the URL names of the URL conf and the operations of the OpenAPI
document, and the entries every app's `tests/access_matrix.py` declares for them."""

import importlib
import re
from dataclasses import dataclass

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from danvan.core.tests.authz.spec import Operation, Page, answers

SKIP = re.compile(r"^(quan-tri-he-thong/|static/|media/|api/)")
PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass(frozen=True)
class Route:
    key: str  # the URL name ("practices:detail") or "METHOD /api/v1/path/{param}"
    template: str  # the route ("dan-van-kheo/<int:pk>/") or the API path
    params: tuple[tuple[str, str], ...]  # (name, converter)
    app: str  # "danvan.practices": where its entry belongs


def _app_of(module: str) -> str:
    for config in apps.get_app_configs():
        if module == config.name or module.startswith(config.name + "."):
            return config.name
    return module


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> list[tuple[str, str, object]]:
    found: list[tuple[str, str, object]] = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((prefix + str(entry.pattern), f"{namespace}{entry.name}", entry.callback))
    return found


def pages() -> dict[str, Route]:
    routes = {}
    for template, name, callback in _walk(get_resolver()):
        if SKIP.match(template):
            continue
        module = getattr(callback, "__module__", "") or ""
        if module.startswith("django."):  # a wrapped Django view (feeds, sitemaps): its URL conf's app
            module = "danvan." + name.split(":")[0].split("_")[0]
        params = tuple((m["name"], m["converter"] or "str") for m in PARAM.finditer(template))
        routes[name] = Route(name, "/" + template, params, _app_of(module))
    return routes


def operations() -> dict[str, Route]:
    from config.api import api

    schema = api.get_openapi_schema()
    routes = {}
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            key = f"{method.upper()} {path}"
            params = tuple(
                (p["name"], "int" if p.get("schema", {}).get("type") == "integer" else "str")
                for p in operation.get("parameters", [])
                if p.get("in") == "path"
            )
            module = operation.get("operationId", "").replace("_", ".")
            app = next(
                (c.name for c in apps.get_app_configs() if module.startswith(c.name + ".")),
                "danvan.core",
            )
            routes[key] = Route(key, path, params, app)
    return routes


@dataclass
class Tables:
    pages: dict[str, Page]
    operations: dict[str, Operation]
    origin: dict[str, str]  # key → module that declares it
    problems: list[str]


def tables() -> Tables:
    """Every app's PAGES and OPERATIONS, merged; a key declared twice or a bad row is a problem."""
    found = Tables({}, {}, {}, [])
    for config in apps.get_app_configs():
        if not config.name.startswith("danvan."):
            continue
        name = f"{config.name}.tests.access_matrix"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        for attribute, target in (("PAGES", found.pages), ("OPERATIONS", found.operations)):
            for key, entry in getattr(module, attribute, {}).items():
                if key in found.origin:
                    found.problems.append(f"{key}: declared in {found.origin[key]} and in {name}")
                target[key] = entry
                found.origin[key] = name
                found.problems += _row_problems(key, entry)
    return found


def _row_problems(key: str, entry: Page | Operation) -> list[str]:
    rows = (entry.get, entry.post) if isinstance(entry, Page) else (entry.expect, *entry.lists.values())
    problems = []
    if isinstance(entry, Page) and entry.writes and entry.post is None:
        problems.append(f"{key}: a page with a body needs its post row")
    for row in filter(None, rows):
        try:
            answers(row)
        except ValueError as exc:
            problems.append(f"{key}: {exc}")
    return problems


def table_file(app: str) -> str:
    return app.replace(".", "/") + "/tests/access_matrix.py"
