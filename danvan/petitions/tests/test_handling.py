"""Handling: accept, start, extend as the law allows, answer with evidence, close, reopen; the
citizen's rating and withdrawal; refusals change nothing."""

import datetime as dt

import pytest

from danvan.accounts.scope import scope_for
from danvan.core.errors import Conflict, InvalidInput, PermissionDenied
from danvan.petitions.models import Status
from danvan.petitions.services import handling, routing
from danvan.petitions.tests.conftest import pdf, png

NAMED = {"citizen_name": "Phạm Văn Dũng", "citizen_address": "Tổ 5, Phường Sóc Trăng"}


def step(fn, user, petition, **kw):
    return fn(actor=user, scope=scope_for(user), petition=petition, **kw)


def test_denunciation_accepted_then_extended_once_when_complex_twice_when_especially(receive, personas, at):
    at(2026, 1, 2)
    complex_ = receive(kind="denunciation", **NAMED)
    at(2026, 1, 5)
    complex_ = step(handling.petition_accept, personas.approver, complex_, complexity="complex")
    assert complex_.accepted_on == dt.date(2026, 1, 5) and complex_.resolve_due == dt.date(2026, 2, 4)
    complex_ = step(
        handling.petition_extend,
        personas.approver,
        complex_,
        reason="Cần xác minh thêm",
        complexity="complex",
    )
    assert complex_.resolve_due == dt.date(2026, 3, 6) and complex_.due_on == complex_.resolve_due
    with pytest.raises(Conflict) as refused:
        step(handling.petition_extend, personas.approver, complex_, reason="Lần hai", complexity="complex")
    assert refused.value.code == "no_more_extensions"
    especially = step(
        handling.petition_extend,
        personas.approver,
        complex_,
        reason="Đặc biệt phức tạp",
        complexity="especially",
    )
    assert especially.resolve_due == dt.date(2026, 4, 6) and especially.extensions == 2
    with pytest.raises(Conflict):
        step(
            handling.petition_extend, personas.approver, especially, reason="Lần ba", complexity="especially"
        )


def test_a_normal_denunciation_cannot_be_extended_and_a_reason_is_needed(receive, personas, unchanged):
    petition = step(handling.petition_accept, personas.approver, receive(kind="denunciation", **NAMED))
    with unchanged(), pytest.raises(InvalidInput) as no_reason:
        step(handling.petition_extend, personas.approver, petition, reason="  ", complexity="complex")
    assert no_reason.value.errors == {"reason": ["Bắt buộc."]}
    with unchanged(), pytest.raises(InvalidInput):
        step(handling.petition_extend, personas.approver, petition, reason="Lý do", complexity="normal")


def test_a_complaint_extension_applies_the_complex_limit_once(receive, personas, at):
    at(2026, 3, 2)
    petition = step(handling.petition_accept, personas.approver, receive(kind="complaint_first", **NAMED))
    assert petition.resolve_due == dt.date(2026, 4, 1)
    petition = step(handling.petition_extend, personas.approver, petition, reason="Vụ việc phức tạp")
    assert petition.resolve_due == dt.date(2026, 4, 16) and petition.complexity == "complex"
    with pytest.raises(Conflict):
        step(handling.petition_extend, personas.approver, petition, reason="Lần nữa")


def test_answer_needs_evidence_and_text_and_consent_to_publish(receive, personas, unchanged):
    petition = step(handling.petition_accept, personas.approver, receive())
    text = "Đã thay bóng đèn chiếu sáng trên đường Lê Lợi ngày 10/3, kèm biên bản nghiệm thu."
    with unchanged(), pytest.raises(InvalidInput) as no_evidence:
        step(handling.petition_answer, personas.reporter_a, petition, text=text)
    assert no_evidence.value.code == "evidence_required"
    with unchanged(), pytest.raises(InvalidInput):
        step(handling.petition_answer, personas.reporter_a, petition, text="Đã xử lý.", uploads=[png()])
    with unchanged(), pytest.raises(InvalidInput) as no_consent:
        step(handling.petition_answer, personas.reporter_a, petition, text=text, uploads=[png()], public=True)
    assert no_consent.value.code == "no_consent"


def test_answer_on_time_close_reopen_and_answer_again(receive, personas, at):
    at(2026, 3, 2)
    petition = receive(public_consent=True)
    petition = step(handling.petition_accept, personas.approver, petition)
    assert petition.resolve_due == dt.date(2026, 3, 5)
    petition = step(handling.petition_start, personas.reporter_a, petition)
    at(2026, 3, 5, 16)
    answer = step(
        handling.petition_answer,
        personas.reporter_a,
        petition,
        text="Đã thay bóng đèn chiếu sáng trên đường Lê Lợi, kèm ảnh hiện trường sau khi sửa.",
        uploads=[png(), pdf()],
        public=True,
        decision_number="15/UBND",
    )
    petition.refresh_from_db()
    assert petition.status == Status.ANSWERED and petition.on_time and petition.days_to_answer == 3
    assert answer.is_public and answer.files.count() == 2 and petition.due_on is None
    handling.petition_rate(petition=petition, satisfied=False, note="Đèn lại hỏng sau hai ngày")
    at(2026, 3, 9)
    petition = step(handling.petition_reopen, personas.approver, petition, reason="Người dân chưa hài lòng")
    assert petition.status == Status.IN_PROGRESS and petition.reopened == 1
    assert petition.resolve_due == dt.date(2026, 3, 12)
    at(2026, 3, 13)
    step(
        handling.petition_answer,
        personas.reporter_a,
        petition,
        text="Đã thay cả bộ đèn và dây dẫn, kiểm tra lại.",
        uploads=[png()],
    )
    petition.refresh_from_db()
    assert petition.on_time is False and petition.satisfied is None
    petition = step(handling.petition_close, personas.approver, petition)
    assert petition.status == Status.CLOSED
    actions = list(petition.events.values_list("action", flat=True))
    assert actions == ["receive", "accept", "start", "answer", "rate", "reopen", "answer", "close"]


def test_reject_needs_a_reason_and_steps_need_the_right_role(receive, personas, unchanged):
    petition = receive()
    with unchanged(), pytest.raises(PermissionDenied):
        step(handling.petition_accept, personas.reporter_a, petition)
    with unchanged(), pytest.raises(InvalidInput):
        step(handling.petition_reject, personas.approver, petition, reason="")
    with unchanged(), pytest.raises(Conflict):
        step(handling.petition_close, personas.approver, petition)
    with unchanged(), pytest.raises(PermissionDenied):
        step(handling.petition_withdraw, personas.reporter_b, petition, reason="Không phải của tôi")
    rejected = step(handling.petition_reject, personas.approver, petition, reason="Không thuộc thẩm quyền")
    assert rejected.status == Status.REJECTED and rejected.due_on is None
    with unchanged(), pytest.raises(Conflict):
        step(handling.petition_accept, personas.approver, rejected)


def test_citizen_withdraws_and_rates_only_when_answered(receive, unchanged):
    petition = receive()
    with unchanged(), pytest.raises(Conflict):
        handling.petition_rate(petition=petition, satisfied=True)
    withdrawn = handling.petition_withdraw(actor=None, petition=petition, reason="Đã tự thỏa thuận xong")
    assert withdrawn.status == Status.WITHDRAWN
    assert withdrawn.events.last().actor_label == "công dân"


def test_transfer_inside_keeps_the_clock_outside_closes_it(receive, personas, orgs, unchanged):
    petition = step(routing.petition_assign, personas.approver, receive(), handlers=[personas.reporter_a])
    moved = step(
        routing.petition_transfer,
        personas.approver,
        petition,
        organization=orgs["ubnd_b"],
        reason="Đúng thẩm quyền",
    )
    assert moved.organization == orgs["ubnd_b"] and moved.org_unit_path == orgs["ubnd_b"].unit.path
    assert moved.status == Status.RECEIVED and moved.due_on and not moved.handlers.exists()
    with unchanged(), pytest.raises(InvalidInput):
        step(
            routing.petition_transfer,
            personas.approver,
            moved,
            organization=orgs["ubnd_a"],
            external_body="Tòa án",
            reason="x",
        )
    with unchanged(), pytest.raises(InvalidInput):
        step(
            routing.petition_transfer,
            personas.approver,
            moved,
            external_body="Tòa án nhân dân khu vực 1",
            reason="",
        )
    out = step(
        routing.petition_transfer,
        personas.approver,
        moved,
        external_body="Tòa án nhân dân khu vực 1",
        reason="Tranh chấp dân sự",
    )
    assert (
        out.status == Status.TRANSFERRED
        and out.external_body == "Tòa án nhân dân khu vực 1"
        and out.due_on is None
    )
    assert "ngoài hệ thống" in out.events.last().note


def test_handlers_must_report_for_the_unit(receive, personas, unchanged):
    petition = receive()
    with unchanged(), pytest.raises(InvalidInput):
        step(routing.petition_assign, personas.approver, petition, handlers=[personas.reporter_b])
    assigned = step(routing.petition_assign, personas.approver, petition, handlers=[personas.reporter_a])
    assert list(assigned.handlers.all()) == [personas.reporter_a]
