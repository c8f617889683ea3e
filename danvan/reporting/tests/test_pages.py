"""The reporting pages: entry without JavaScript, refusals that change nothing, Excel both ways,
narrative compilation, completeness and reminders."""

import io
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from openpyxl import load_workbook

from danvan.accounts.scope import scope_for
from danvan.core.periods import Period
from danvan.reporting.models import Reminder, ReportForm, Status, Submission, Value
from danvan.reporting.selectors.completeness import completeness
from danvan.reporting.services.offline import submission_workbook
from danvan.reporting.services.reminders import report_reminders_send
from danvan.reporting.services.submissions import submission_open
from danvan.reporting.services.workflow import submission_return

pytestmark = pytest.mark.django_db


def snapshot() -> list[Any]:
    return [
        *Submission.objects.values_list("pk", "status", "version", "narrative"),
        *Value.objects.values_list("pk", "number", "text", "version", "is_returned"),
    ]


def opened(tree: Any, personas: Any, monthly: ReportForm, code: str = "2026-M08") -> Submission:
    return submission_open(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        form=monthly,
        unit=tree.commune_a,
        period=Period.parse(code),
    )


def test_refusals_on_pages_change_nothing(
    client_for: Any, tree: Any, personas: Any, monthly: ReportForm
) -> None:
    submission = opened(tree, personas, monthly)
    value = submission.values.get(indicator__code="propaganda_sessions")
    before = snapshot()
    for user in (personas.reporter_b, personas.other_approver):
        client = client_for(user)
        assert client.get(f"/bao-cao/{submission.pk}/").status_code == 404
        assert (
            client.post(f"/bao-cao/{submission.pk}/gia-tri/{value.pk}/", {f"v{value.pk}": "9"}).status_code
            == 404
        )
        assert client.post(f"/bao-cao/{submission.pk}/luu/", {f"v{value.pk}": "9"}).status_code == 404
        assert client.post(f"/bao-cao/{submission.pk}/nop/").status_code == 404
        assert client.post(f"/bao-cao/{submission.pk}/duyet/").status_code == 404
        assert client.get(f"/bao-cao/{submission.pk}/excel/").status_code == 404
    assert client_for(None).get(f"/bao-cao/{submission.pk}/").status_code == 302  # to the login page
    for beyond in (2**63, 10**40):  # no report has such a number; SQLite could not even bind it
        assert client_for(personas.reporter_a).get(f"/bao-cao/{beyond}/").status_code == 404
    refused = client_for(personas.reporter_b).post(
        "/bao-cao/lap/", {"form": "dv-xa-thang", "unit": "31510", "period": "2026-M09"}
    )
    assert refused.status_code == 403
    assert client_for(personas.approver).get("/bao-cao/tong-hop/?unit=04").status_code == 404
    assert snapshot() == before and Submission.objects.count() == 1


def test_saving_without_javascript_is_all_or_nothing(
    client_for: Any, tree: Any, personas: Any, monthly: ReportForm
) -> None:
    submission = opened(tree, personas, monthly)
    meetings = submission.values.get(indicator__code="propaganda_sessions")
    opinions = submission.values.get(indicator__code="dialogue_opinions")
    client = client_for(personas.reporter_a)
    bad = client.post(
        f"/bao-cao/{submission.pk}/luu/",
        {f"v{meetings.pk}": "7", f"v{opinions.pk}": "-3", f"r{opinions.pk}": "Thực tế", "then": "save"},
    )
    assert bad.status_code == 422
    content = bad.content.decode()
    assert "không được nhỏ hơn 0" in content and 'value="-3"' in content  # kept as typed
    assert Value.objects.get(pk=meetings.pk).number is None
    good = client.post(
        f"/bao-cao/{submission.pk}/luu/",
        {f"v{meetings.pk}": "7", f"v{opinions.pk}": "1.250", f"r{opinions.pk}": "Thực tế"},
    )
    assert good.status_code == 302
    assert Value.objects.get(pk=opinions.pk).number == 1250


def test_an_autosave_answers_its_one_row_with_who_changed_it(
    client_for: Any, tree: Any, personas: Any, monthly: ReportForm
) -> None:
    submission = opened(tree, personas, monthly)
    value = submission.values.get(indicator__code="dialogue_opinions")
    client = client_for(personas.reporter_a)
    saved = client.post(
        f"/bao-cao/{submission.pk}/gia-tri/{value.pk}/",
        {f"v{value.pk}": "1250", f"ver{value.pk}": "1", f"r{value.pk}": "Thực tế"},
    ).content.decode()
    assert saved.count("<tr ") == 1 and f'id="val-{value.pk}"' in saved
    assert f'value="1.250" hx-post="/bao-cao/{submission.pk}/gia-tri/{value.pk}/"' in saved
    assert f"Sửa bởi {personas.reporter_a}, " in saved and " ngày " in saved
    refused = client.post(
        f"/bao-cao/{submission.pk}/gia-tri/{value.pk}/",
        {f"v{value.pk}": "-3", f"ver{value.pk}": "2", f"r{value.pk}": "Thực tế"},
    ).content.decode()
    assert 'value="-3"' in refused and 'aria-invalid="true"' in refused and "không được nhỏ hơn 0" in refused
    assert Value.objects.get(pk=value.pk).number == 1250


def test_a_returned_report_opens_only_its_returned_values_on_the_page_and_in_an_autosave(
    client_for: Any, tree: Any, personas: Any, report: Any
) -> None:
    submission = report(tree.commune_a, "2026-M07", reporter=personas.reporter_a, approve=False)
    returned = submission.values.get(indicator__code="propaganda_sessions")
    kept = submission.values.get(indicator__code="dvk_registered", category="mo_hinh")
    submission_return(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        submission=submission,
        comment="",
        value_comments={returned.pk: "Kiểm tra lại số buổi"},
    )
    client = client_for(personas.reporter_a)
    page = client.get(f"/bao-cao/{submission.pk}/").content.decode()
    assert f'<input id="v{returned.pk}"' in page and "Kiểm tra lại số buổi" in page
    assert f'<output id="v{kept.pk}">' in page and f'<input id="v{kept.pk}"' not in page
    version = Value.objects.get(pk=returned.pk).version
    saved = client.post(
        f"/bao-cao/{submission.pk}/gia-tri/{returned.pk}/",
        {f"v{returned.pk}": "5", f"ver{returned.pk}": str(version)},
    ).content.decode()
    assert f'<input id="v{returned.pk}"' in saved and Value.objects.get(pk=returned.pk).number == 5
    before = snapshot()
    refused = client.post(
        f"/bao-cao/{submission.pk}/gia-tri/{kept.pk}/",
        {f"v{kept.pk}": "9", f"ver{kept.pk}": str(kept.version)},
    ).content.decode()
    assert f'<output id="v{kept.pk}">' in refused and 'role="alert"' in refused
    assert snapshot() == before


def test_two_people_editing_one_value_get_a_clear_message(
    client_for: Any, tree: Any, personas: Any, monthly: ReportForm, admin_user: Any
) -> None:
    submission = opened(tree, personas, monthly)
    value = submission.values.get(indicator__code="propaganda_sessions")
    first = client_for(personas.reporter_a).post(
        f"/bao-cao/{submission.pk}/gia-tri/{value.pk}/", {f"v{value.pk}": "3", f"ver{value.pk}": "1"}
    )
    assert first.status_code == 200 and f'name="ver{value.pk}" value="2"' in first.content.decode()
    second = client_for(personas.admin).post(
        f"/bao-cao/{submission.pk}/gia-tri/{value.pk}/", {f"v{value.pk}": "8", f"ver{value.pk}": "1"}
    )
    assert "vừa được" in second.content.decode()
    assert Value.objects.get(pk=value.pk).number == 3


def test_excel_round_trip_refuses_bad_rows_and_saves_good_files(
    client_for: Any, tree: Any, personas: Any, monthly: ReportForm
) -> None:
    submission = opened(tree, personas, monthly)
    workbook = load_workbook(io.BytesIO(submission_workbook(submission)))
    sheet = workbook.active
    assert sheet is not None
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    rows["propaganda_sessions"][5].value = 6
    rows["dialogue_opinions"][5].value = "nhiều"
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = client_for(personas.reporter_a)
    before = snapshot()
    bad = client.post(f"/bao-cao/{submission.pk}/nhap-excel/", {"file": _upload(buffer.getvalue())})
    assert bad.status_code == 422 and "Dòng" in bad.content.decode()
    assert snapshot() == before
    rows["dialogue_opinions"][5].value = 12
    rows["dialogue_opinions"][6].value = "Chưa nhập vào phân hệ hội nghị"
    buffer = io.BytesIO()
    workbook.save(buffer)
    good = client.post(f"/bao-cao/{submission.pk}/nhap-excel/", {"file": _upload(buffer.getvalue())})
    assert good.status_code == 302
    assert Value.objects.get(submission=submission, indicator__code="propaganda_sessions").number == 6
    assert Value.objects.get(submission=submission, indicator__code="dialogue_opinions").number == 12


def _upload(data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        "bao-cao.xlsx", data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def test_compiling_the_province_narrative_keeps_attribution(
    client_for: Any, tree: Any, personas: Any, standard_forms: None
) -> None:
    half = ReportForm.objects.get(code="dv-xa-6-thang")
    province_form = ReportForm.objects.get(code="dv-tinh-6-thang")
    period = Period.parse("2026-H1")
    for reporter, unit, text in (
        (personas.reporter_a, tree.commune_a, "Tổ chức 12 cuộc đối thoại."),
        (personas.reporter_b, tree.commune_b, "Vận động 120 suất quà."),
    ):
        child = submission_open(
            actor=reporter, scope=scope_for(reporter), form=half, unit=unit, period=period
        )
        Submission.objects.filter(pk=child.pk).update(status=Status.SUBMITTED, narrative={"I.1": text})
    parent = submission_open(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        form=province_form,
        unit=tree.province,
        period=period,
    )
    ids = list(
        Submission.objects.exclude(pk=parent.pk).order_by("unit__sort_key").values_list("pk", flat=True)
    )
    response = client_for(personas.approver).post(
        f"/bao-cao/{parent.pk}/tong-hop-loi-van/", {"s_I.1": [str(i) for i in ids]}
    )
    assert response.status_code == 302
    parent.refresh_from_db()
    assert "Phường Sóc Trăng: Tổ chức 12 cuộc đối thoại." in parent.narrative["I.1"]
    assert "Phường Phú Lợi: Vận động 120 suất quà." in parent.narrative["I.1"]
    assert [a["unit"] for a in parent.attribution["I.1"]] == ["31528", "31510"] or len(
        parent.attribution["I.1"]
    ) == 2


def test_completeness_counts_expected_units_of_the_time_and_never_exceeds_100(
    tree: Any, personas: Any, report: Any, monthly: ReportForm
) -> None:
    report(tree.commune_a, "2026-M08", reporter=personas.reporter_a, approve=False)
    now = completeness(form=monthly, period=Period.parse("2026-M08"), unit=tree.province, by_children=True)
    assert (now.unit.expected, now.unit.submitted, now.unit.rate) == (2, 1, 50.0)
    assert now.unit.missing_units == ["Phường Phú Lợi (31528)"]
    alone = completeness(form=monthly, period=Period.parse("2026-M08"), unit=tree.province).unit
    fields = ("expected", "submitted", "approved", "on_time", "late")
    assert [getattr(alone, f) for f in fields] == [getattr(now.unit, f) for f in fields]
    # In 2024 the former Phường 2 of Sóc Trăng had to report; today's communes did not exist yet.
    old = completeness(form=monthly, period=Period.parse("2024-M08"), unit=tree.province, by_children=True)
    assert old.unit.expected == 1 and old.unit.submitted == 0
    assert {c.code: c.expected for c in old.children} == {"31510": 1, "31528": 0}


def test_reminders_go_once_before_and_after_the_deadline(
    tree: Any, personas: Any, monthly: ReportForm, mailoutbox: Any
) -> None:
    import datetime as dt

    personas.reporter_a.email = "a@example.vn"
    personas.reporter_a.save()
    before = report_reminders_send(today=dt.date(2026, 9, 3))  # August due 5/9
    assert before.before == 3 and before.emailed >= 1  # communes A, B and C
    assert any("a@example.vn" in m.to and "Sắp đến hạn" in m.subject for m in mailoutbox)
    assert report_reminders_send(today=dt.date(2026, 9, 4)).before == 0  # never twice
    after = report_reminders_send(today=dt.date(2026, 9, 8))
    assert after.after == 3
    assert Reminder.objects.filter(unit=tree.commune_a, period_code="2026-M08").count() == 2


def test_petitions_received_in_the_month_are_prefilled(tree: Any, personas: Any, monthly: ReportForm) -> None:
    from django.utils import timezone

    from danvan.petitions.models import Channel, Kind, Topic
    from danvan.petitions.services.intake import Intake, petition_receive

    for kind in (Kind.OPINION, Kind.COMPLAINT_FIRST, Kind.DENUNCIATION):
        petition_receive(
            actor=personas.reporter_a,
            scope=scope_for(personas.reporter_a),
            intake=Intake(
                kind=kind,
                topic=Topic.objects.filter(is_active=True).first(),
                unit=tree.commune_a,
                content="Đường ngõ 12 ngập nước mỗi khi mưa lớn, đề nghị nạo vét cống.",
                citizen_name="Nguyễn Văn An",
                citizen_address="Khóm 3, Phường Sóc Trăng",
            ),
            channel=Channel.HOTLINE,
        )
    today = timezone.localdate()
    submission = submission_open(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        form=monthly,
        unit=tree.commune_a,
        period=Period.month(today.year, today.month),
    )
    computed = dict(submission.values.values_list("indicator__code", "computed"))
    assert computed["petitions_received"] == 3
    assert computed["complaints_received"] == 1 and computed["denunciations_received"] == 1


def test_a_report_opens_for_exactly_those_who_see_it_in_the_lists(
    tree: Any, personas: Any, monthly: ReportForm
) -> None:
    """access_submission checks in Python what visible_submissions asks the database, the old units
    merged into a granted unit included (Phường 2 of the former Sóc Trăng for Phường Sóc Trăng)."""
    from danvan.core.errors import NotFound
    from danvan.reporting.selectors.submissions import access_submission, visible_submissions

    period = Period.parse("2025-M03")
    reports = [
        Submission.objects.create(
            form=monthly,
            unit=unit,
            unit_path=unit.path,
            period_code=period.code,
            period_start=period.start,
            period_end=period.end,
            due_date=period.end,
        )
        for unit in (
            tree.commune_a,
            tree.commune_b,
            tree.commune_c,
            tree.province,
            tree.legacy_commune,
            tree.legacy_province,
        )
    ]

    def opens(scope: Any, submission: Submission) -> bool:
        try:
            return access_submission(scope, submission.pk).pk == submission.pk
        except NotFound:
            return False

    seen: dict[str, set[str]] = {}
    names = ("anonymous", "reporter_a", "reporter_b", "approver", "other_approver", "unit_admin", "admin")
    for name in names:
        user = getattr(personas, name)
        scope = scope_for(user if user is not None else AnonymousUser())
        listed = set(visible_submissions(scope).values_list("pk", flat=True))
        for submission in reports:
            assert opens(scope, submission) == (submission.pk in listed), (name, submission.unit.name)
        seen[name] = {str(r.unit.code) for r in reports if r.pk in listed}
    assert seen["anonymous"] == set()
    assert seen["reporter_a"] == {"31510", "31507"}  # commune A and the old ward merged into it
    assert seen["reporter_b"] == {"31528"}
    assert seen["approver"] == {"31510", "31528", tree.province.code, "94", "31507"}
    assert seen["other_approver"] == {"01273"}
    assert len(seen["admin"]) == len(reports)
