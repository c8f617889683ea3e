"""The report page's and the inbox's reads, prepared once (core/fixed_sql.Prepared), give what the
ORM gives: the submission with its form, unit and province, the form's items, the values, the
history, the texts a record was imported from; the active forms, their assignments and the
reports already opened. What falls due still follows the assignments' dates."""

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.accounts.scope import scope_for
from danvan.core.periods import Period
from danvan.core.tests.orm_equality import same, same_rows
from danvan.extraction.models import DraftRecord, ImportedText
from danvan.extraction.selectors import sources_of
from danvan.reporting.models import (
    Assignment,
    FormIndicator,
    ReportForm,
    Status,
    Submission,
    SubmissionEvent,
    Value,
)
from danvan.reporting.selectors.submissions import (
    _ASSIGNMENTS,
    _SUBMISSION,
    _SUBMISSIONS_OF,
    active_forms,
    due_reports,
)
from danvan.reporting.services.submissions import submission_open
from danvan.reporting.views.entry import _EVENTS, _ITEMS, _VALUE, _VALUES


@pytest.fixture
def filed(report: Any, personas: Any, tree: Any) -> Submission:
    return report(
        tree.commune_a, "2026-M03", reporter=personas.reporter_a, approve=True, propaganda_sessions=4
    )


def test_the_report_page_reads_are_the_orms(filed: Submission) -> None:
    pk = filed.pk
    submission = _SUBMISSION.first(pk)
    orm = Submission.objects.select_related("form", "unit__parent").get(pk=pk)
    same(submission, orm)
    same(submission.form, orm.form)
    same(submission.unit, orm.unit)
    same(submission.unit.parent, orm.unit.parent)
    with CaptureQueriesContext(connection) as reads:  # the relations came with the row
        assert submission.unit.parent.name == orm.unit.parent.name and submission.form.sections is not None
    assert not reads.captured_queries

    items = FormIndicator.objects.filter(form_id=filed.form_id)
    same_rows(_ITEMS(filed.form_id), list(items.values_list("indicator_id", "position", "group", "required")))
    fields = list(_VALUES.build(0).query.values_select)
    values = Value.objects.filter(submission_id=pk).values(*fields)
    assert len(values) > 10
    same_rows(_VALUES(pk), list(values))
    one = values.first()["pk"]
    same_rows(_VALUE(pk, one), list(Value.objects.filter(pk=one).values(*fields)))
    assert _VALUE(pk + 1, one) == []  # the value of another submission is not this one's

    events = SubmissionEvent.objects.filter(submission=filed).select_related("actor")
    events = events.only("at", "action", "note", "actor__full_name", "actor__username")[:50]
    ours = _EVENTS(pk)
    assert len(ours) >= 2  # submitted, approved
    same_rows(ours, list(events))
    for mine, orm in zip(ours, events, strict=True):
        same(mine.actor, orm.actor)


def test_the_sources_of_a_record_are_the_orms(filed: Submission, personas: Any) -> None:
    text = ImportedText.objects.create(
        source_text="Báo cáo tháng 3",
        file_name="bao-cao-thang-3.docx",
        kind="docx",
        extraction={},
        created_by=personas.reporter_a,
    )
    for object_id in (str(filed.pk), str(filed.pk + 1)):
        DraftRecord.objects.create(
            imported_text=text,
            target="reporting.submission",
            object_id=object_id,
            outcome=DraftRecord.Outcome.CREATED,
        )
    found = sources_of(filed)
    orm = (
        DraftRecord.objects.filter(target="reporting.submission", object_id=str(filed.pk))
        .select_related("imported_text")
        .only("imported_text__id", "imported_text__file_name", "outcome", "target", "object_id")
    )
    same_rows(found, list(orm))
    assert [r.imported_text.file_name for r in found] == ["bao-cao-thang-3.docx"]


def test_the_inbox_reads_are_the_orms(filed: Submission, monthly: Any, tree: Any) -> None:
    same_rows(active_forms(), list(ReportForm.objects.filter(is_active=True)))
    forms = [f.pk for f in active_forms()]
    ours = _ASSIGNMENTS(forms)
    orm = list(Assignment.objects.filter(form__in=forms).select_related("unit"))
    assert ours
    same_rows(ours, orm)
    units, periods = [tree.commune_a.pk, tree.commune_b.pk], ["2026-M03", "2026-M04"]
    orm_submissions = list(Submission.objects.filter(unit__in=units, period_code__in=periods))
    same_rows(_SUBMISSIONS_OF(units, periods), orm_submissions)
    assert [s.pk for s in _SUBMISSIONS_OF(units, periods)] == [filed.pk]
    assert _SUBMISSIONS_OF([tree.commune_b.pk], periods) == []


def test_what_falls_due_follows_the_assignments_dates(monthly: Any, personas: Any, tree: Any) -> None:
    """Last month's report (and this month's, coming) are due for the commune reporter while the
    assignment is valid today (it may end today), not once it ended yesterday or before it starts
    tomorrow; a draft is due with its submission, a filed report no longer."""
    scope = scope_for(personas.reporter_a)
    today = dt.date(2026, 4, 3)

    def due() -> list[tuple[str, int | None]]:
        return [
            (d.period.code, d.submission.pk if d.submission else None)
            for d in due_reports(scope, today=today)
            if d.form == monthly and d.unit == tree.commune_a
        ]

    assert due() == [("2026-M03", None), ("2026-M04", None)]
    assignments = Assignment.objects.filter(form=monthly)
    kept = list(assignments.values_list("pk", "valid_from", "valid_to"))
    assignments.update(valid_to=today)
    assert due() == [("2026-M03", None), ("2026-M04", None)]
    assignments.update(valid_to=today - dt.timedelta(days=1))
    assert due() == []
    assignments.update(valid_from=today + dt.timedelta(days=1), valid_to=None)
    assert due() == []
    for pk, valid_from, valid_to in kept:
        Assignment.objects.filter(pk=pk).update(valid_from=valid_from, valid_to=valid_to)
    march = Period.parse("2026-M03")
    draft = submission_open(
        actor=personas.reporter_a, scope=scope, form=monthly, unit=tree.commune_a, period=march
    )
    assert due() == [("2026-M03", draft.pk), ("2026-M04", None)]
    Submission.objects.filter(pk=draft.pk).update(status=Status.SUBMITTED)
    assert due() == [("2026-M04", None)]
