"""Compiling a report's narrative from the reports of the units below, keeping attribution."""

from typing import Any

from django.db.models import QuerySet

from danvan.accounts.scope import UserScope
from danvan.core.errors import InvalidInput
from danvan.reporting.models import Status, Submission
from danvan.reporting.services.submissions import narrative_save
from danvan.territory.tree import subtree_q


def child_submissions(submission: Submission) -> QuerySet[Submission]:
    """Submissions of the same period by the units below (submitted or approved), any form
    of the same periodicity."""
    below = Submission.objects.filter(
        subtree_q([submission.unit.path], "unit_path"),
        period_code=submission.period_code,
        form__periodicity=submission.form.periodicity,
        status__in=(Status.SUBMITTED, Status.APPROVED),
    ).exclude(pk=submission.pk)
    return below.select_related("unit", "form").order_by("unit__sort_key")


def narrative_compile(
    *, actor: Any, scope: UserScope, submission: Submission, chosen: dict[str, list[int]]
) -> Submission:
    """chosen: section code → ids of child submissions whose text goes in, in that order."""
    children = {s.pk: s for s in child_submissions(submission)}
    sections: dict[str, str] = {}
    attribution: dict[str, list[dict[str, Any]]] = {}
    for code, ids in chosen.items():
        unknown = [i for i in ids if i not in children]
        if unknown:
            raise InvalidInput("unknown_child", "Có báo cáo cấp dưới không thuộc phạm vi tổng hợp.")
        parts, sources = [], []
        for pk in ids:
            child = children[pk]
            text = child.narrative.get(code, "").strip()
            if text:
                parts.append(f"{child.unit.name}: {text}")
                sources.append({"unit": child.unit.code, "unit_name": child.unit.name, "submission": pk})
        sections[code] = "\n\n".join(parts)
        attribution[code] = sources
    saved = narrative_save(actor=actor, scope=scope, submission=submission, sections=sections)
    saved.attribution = {**saved.attribution, **attribution}
    saved.save(update_fields=["attribution"])
    return saved
