"""The report page's reads, prepared once (core/fixed_sql.Prepared), give what the ORM gives:
the submission with its form, unit and province, the form's items, the values, the history, and
the texts a record was imported from."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.tests.test_prepared import same, same_rows
from danvan.extraction.models import DraftRecord, ImportedText
from danvan.extraction.selectors import sources_of
from danvan.reporting.models import FormIndicator, Submission, SubmissionEvent, Value
from danvan.reporting.selectors.submissions import _SUBMISSION
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
