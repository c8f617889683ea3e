"""Handling an item: accept or reject, start, extend, answer with evidence, close, reopen,
withdraw; the citizen's satisfaction. Every step is one history event and one audit event.

    received ─┬─ accepted ─┬─ in progress ─┬─ answered ─ closed
              ├─ rejected  │               │      └──────┴─ (reopened) → in progress
              └────────────┴───────────────┴─ withdrawn, transferred (routing.py)
"""

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from danvan.accounts.scope import UserScope
from danvan.core.errors import Conflict, InvalidInput, PermissionDenied
from danvan.petitions import clocks, timing
from danvan.petitions.access import HANDLE, LEAD, can
from danvan.petitions.models import Answer, Complexity, Petition, PetitionFile, Status
from danvan.petitions.selectors import work_calendar
from danvan.petitions.services.common import record_step
from danvan.petitions.services.files import check_uploads, store

S = Status
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.RECEIVED: (S.ACCEPTED, S.REJECTED, S.WITHDRAWN, S.TRANSFERRED),
    S.ACCEPTED: (S.IN_PROGRESS, S.ANSWERED, S.WITHDRAWN, S.TRANSFERRED),
    S.IN_PROGRESS: (S.ANSWERED, S.WITHDRAWN, S.TRANSFERRED),
    S.ANSWERED: (S.CLOSED, S.IN_PROGRESS),
    S.CLOSED: (S.IN_PROGRESS,),
    S.TRANSFERRED: (),
    S.WITHDRAWN: (),
    S.REJECTED: (),
}
MAX_NOTE = 5_000
RANK: dict[str, int] = {Complexity.NORMAL: 0, Complexity.COMPLEX: 1, Complexity.ESPECIALLY: 2}


def lock(petition: Petition) -> Petition:
    return (
        Petition.objects.select_for_update(of=("self",))
        .select_related("unit", "rule", "organization", "topic")
        .get(pk=petition.pk)
    )


def require(scope: UserScope | None, petition: Petition, action: str) -> None:
    if scope is not None and not can(scope, petition, action):
        raise PermissionDenied(
            "Bước này cần lãnh đạo có quyền duyệt." if action == LEAD else "Bạn không xử lý vụ việc này."
        )


def check_move(petition: Petition, to: str) -> None:
    if petition.status == to:  # two people taking the same step at once: the second one gets this
        raise Conflict(
            "already_done",
            f"Vụ việc đã ở trạng thái «{Status(to).label}» (người khác vừa xử lý); "
            "hãy tải lại trang để xem kết quả.",
        )
    if to not in TRANSITIONS.get(petition.status, ()):
        raise Conflict(
            "illegal_transition",
            f"Không thể chuyển từ «{Status(petition.status).label}» sang «{Status(to).label}».",
        )


def need_reason(reason: str, field: str = "reason") -> str:
    text = reason.strip()
    if not text:
        raise InvalidInput("reason_required", "Cần ghi rõ lý do.", errors={field: ["Bắt buộc."]})
    if len(text) > MAX_NOTE:
        raise InvalidInput("reason_too_long", "Lý do quá dài.", errors={field: ["Tối đa 5.000 ký tự."]})
    return text


def _move(petition: Petition, to: str, fields: list[str]) -> str:
    before = petition.status
    petition.status = to
    petition.version += 1
    petition.save(update_fields=[*fields, "status", "version", "updated_at"])
    return before


@transaction.atomic
def petition_accept(
    *,
    actor: Any,
    scope: UserScope,
    petition: Petition,
    complexity: str = Complexity.NORMAL,
    remote: bool = False,
    note: str = "",
) -> Petition:
    """Accept (thụ lý): the resolution deadline runs from today under the item's rule."""
    locked = lock(petition)
    require(scope, locked, LEAD)
    check_move(locked, S.ACCEPTED)
    if complexity not in Complexity.values:
        raise InvalidInput("invalid_complexity", "Mức độ phức tạp không hợp lệ.")
    day = timing.today()
    locked.accepted_on, locked.complexity, locked.is_remote = day, complexity, remote
    locked.resolve_due = clocks.resolve_due(
        locked.rule, day, work_calendar(), complexity=complexity, remote=remote
    )
    locked.due_on = locked.resolve_due
    before = _move(locked, S.ACCEPTED, ["accepted_on", "complexity", "is_remote", "resolve_due", "due_on"])
    record_step(
        actor=actor,
        petition=locked,
        action="accept",
        from_status=before,
        note=note.strip(),
        changes={"resolve_due": [None, locked.resolve_due], "complexity": [None, complexity]},
    )
    return locked


@transaction.atomic
def petition_reject(*, actor: Any, scope: UserScope, petition: Petition, reason: str) -> Petition:
    """Not accepted (không thụ lý), with the reason told to the citizen."""
    locked = lock(petition)
    require(scope, locked, LEAD)
    text = need_reason(reason)
    check_move(locked, S.REJECTED)
    locked.due_on, locked.closed_on = None, timing.today()
    before = _move(locked, S.REJECTED, ["due_on", "closed_on"])
    record_step(actor=actor, petition=locked, action="reject", from_status=before, note=text)
    return locked


@transaction.atomic
def petition_start(*, actor: Any, scope: UserScope, petition: Petition, note: str = "") -> Petition:
    locked = lock(petition)
    require(scope, locked, HANDLE)
    check_move(locked, S.IN_PROGRESS)
    if locked.status != S.ACCEPTED:
        raise Conflict("illegal_transition", "Chỉ bắt đầu xử lý vụ việc đã thụ lý; để mở lại, dùng «Mở lại».")
    before = _move(locked, S.IN_PROGRESS, [])
    record_step(actor=actor, petition=locked, action="start", from_status=before, note=note.strip())
    return locked


def _extended(locked: Petition, complexity: str) -> None:
    """Move the resolution deadline of one extension (rules differ by clock)."""
    rule, cal = locked.rule, work_calendar()
    assert locked.resolve_due is not None and locked.accepted_on is not None
    if rule.extension_days:  # tố cáo (and local feedback rules): +N days, 1 or 2 times
        level = max(complexity, locked.complexity, key=lambda c: RANK[c])
        allowed = clocks.extensions_allowed(rule, level)
        if level == Complexity.NORMAL:
            raise InvalidInput(
                "extension_needs_complexity",
                "Chỉ gia hạn vụ việc phức tạp hoặc đặc biệt phức tạp.",
                errors={"complexity": ["Chọn mức phức tạp."]},
            )
        if locked.extensions >= allowed:
            raise Conflict(
                "no_more_extensions",
                f"Vụ việc {Complexity(level).label.lower()} chỉ được gia hạn {allowed} lần; đã gia hạn đủ.",
            )
        locked.complexity = level
        locked.resolve_due = clocks.extended_due(rule, locked.resolve_due, cal)
        return
    # khiếu nại: a complex case has the longer limit from the acceptance date, once.
    if locked.complexity != Complexity.NORMAL:
        raise Conflict("no_more_extensions", "Vụ việc đã được áp dụng thời hạn của vụ việc phức tạp.")
    locked.complexity = Complexity.COMPLEX
    locked.resolve_due = clocks.resolve_due(
        rule, locked.accepted_on, cal, complexity=Complexity.COMPLEX, remote=locked.is_remote
    )


@transaction.atomic
def petition_extend(
    *, actor: Any, scope: UserScope, petition: Petition, reason: str, complexity: str = Complexity.COMPLEX
) -> Petition:
    """Extend the resolution deadline as the law allows for the item's kind, with a reason."""
    locked = lock(petition)
    require(scope, locked, LEAD)
    text = need_reason(reason)
    if locked.status not in (S.ACCEPTED, S.IN_PROGRESS):
        raise Conflict("not_extendable", "Chỉ gia hạn vụ việc đã thụ lý và đang giải quyết.")
    if complexity not in Complexity.values:
        raise InvalidInput("invalid_complexity", "Mức độ phức tạp không hợp lệ.")
    before_due = locked.resolve_due
    _extended(locked, complexity)
    locked.extensions += 1
    locked.due_on = locked.resolve_due
    locked.version += 1
    locked.save(update_fields=["complexity", "resolve_due", "due_on", "extensions", "version", "updated_at"])
    record_step(
        actor=actor,
        petition=locked,
        action="extend",
        note=text,
        changes={"resolve_due": [before_due, locked.resolve_due], "extensions": locked.extensions},
    )
    return locked


def _evidence(
    locked: Petition, uploads: list[UploadedFile], existing: list[int]
) -> tuple[list[Any], list[PetitionFile]]:
    checked = check_uploads(uploads)
    earlier = list(
        PetitionFile.objects.filter(petition=locked, pk__in=existing, answer__isnull=True, from_citizen=False)
    )
    if len(earlier) != len(set(existing)):
        raise InvalidInput(
            "invalid_evidence", "Tệp minh chứng không thuộc vụ việc này.", errors={"files": ["Không hợp lệ."]}
        )
    if not checked and not earlier:
        raise InvalidInput(
            "evidence_required",
            "Câu trả lời phải kèm minh chứng: văn bản, quyết định, biên bản hoặc ảnh hiện trường.",
            errors={"files": ["Cần ít nhất một tệp minh chứng."]},
        )
    return checked, earlier


@transaction.atomic
def petition_answer(
    *,
    actor: Any,
    scope: UserScope,
    petition: Petition,
    text: str,
    uploads: list[UploadedFile] | None = None,
    evidence_ids: list[int] | None = None,
    decision_number: str = "",
    decision_date: Any = None,
    public: bool = False,
) -> Answer:
    """Answer (or decide) with evidence; public only where the citizen agreed to publication."""
    locked = lock(petition)
    require(scope, locked, HANDLE)
    body = text.strip()
    if len(body) < 20:
        raise InvalidInput(
            "answer_too_short",
            "Câu trả lời cần nói rõ kết quả giải quyết (ít nhất 20 ký tự).",
            errors={"text": ["Quá ngắn."]},
        )
    if len(body) > 20_000:
        raise InvalidInput(
            "answer_too_long", "Câu trả lời quá dài.", errors={"text": ["Tối đa 20.000 ký tự."]}
        )
    if public and not locked.public_consent:
        raise InvalidInput(
            "no_consent",
            "Người gửi chưa đồng ý công khai; không công khai câu trả lời được.",
            errors={"public": ["Không được phép."]},
        )
    check_move(locked, S.ANSWERED)
    checked, earlier = _evidence(locked, uploads or [], evidence_ids or [])
    day = timing.today()
    answer = Answer.objects.create(
        petition=locked,
        text=body,
        decision_number=decision_number.strip()[:60],
        decision_date=decision_date,
        is_public=public,
        answered_by=actor,
        answered_on=day,
    )
    store(petition=locked, checked_uploads=checked, actor=actor, answer=answer)
    PetitionFile.objects.filter(pk__in=[f.pk for f in earlier]).update(answer=answer)
    locked.answered_on, locked.due_on = day, None
    locked.on_time = locked.resolve_due is None or day <= locked.resolve_due
    locked.days_to_answer = (day - locked.received_on).days
    locked.satisfied, locked.satisfaction_note = None, ""
    before = _move(
        locked,
        S.ANSWERED,
        ["answered_on", "due_on", "on_time", "days_to_answer", "satisfied", "satisfaction_note"],
    )
    record_step(
        actor=actor,
        petition=locked,
        action="answer",
        from_status=before,
        changes={"answer": [None, answer.pk], "on_time": locked.on_time, "public": public},
    )
    return answer


@transaction.atomic
def petition_close(*, actor: Any, scope: UserScope, petition: Petition, note: str = "") -> Petition:
    locked = lock(petition)
    require(scope, locked, LEAD)
    check_move(locked, S.CLOSED)
    locked.closed_on = timing.today()
    before = _move(locked, S.CLOSED, ["closed_on"])
    record_step(actor=actor, petition=locked, action="close", from_status=before, note=note.strip())
    return locked


@transaction.atomic
def petition_reopen(*, actor: Any, scope: UserScope, petition: Petition, reason: str) -> Petition:
    """Reopen an answered item (the citizen is not satisfied): a new resolution deadline from today."""
    locked = lock(petition)
    require(scope, locked, LEAD)
    text = need_reason(reason)
    if locked.status not in (S.ANSWERED, S.CLOSED):
        raise Conflict("illegal_transition", "Chỉ mở lại vụ việc đã trả lời hoặc đã kết thúc.")
    day = timing.today()
    locked.resolve_due = clocks.resolve_due(
        locked.rule, day, work_calendar(), complexity=locked.complexity, remote=locked.is_remote
    )
    locked.due_on, locked.closed_on = locked.resolve_due, None
    locked.reopened += 1
    before = _move(locked, S.IN_PROGRESS, ["resolve_due", "due_on", "closed_on", "reopened"])
    record_step(
        actor=actor,
        petition=locked,
        action="reopen",
        from_status=before,
        note=text,
        changes={"resolve_due": [None, locked.resolve_due]},
    )
    return locked


@transaction.atomic
def petition_withdraw(
    *, actor: Any, petition: Petition, reason: str, scope: UserScope | None = None
) -> Petition:
    """The citizen withdraws (through the private link, scope None) or staff record it."""
    locked = lock(petition)
    require(scope, locked, HANDLE)
    text = need_reason(reason)
    check_move(locked, S.WITHDRAWN)
    locked.due_on, locked.closed_on = None, timing.today()
    before = _move(locked, S.WITHDRAWN, ["due_on", "closed_on"])
    record_step(actor=actor, petition=locked, action="withdraw", from_status=before, note=text)
    return locked


@transaction.atomic
def petition_rate(*, petition: Petition, satisfied: bool, note: str = "") -> Petition:
    """The citizen's answer to «Ông/bà có hài lòng với kết quả giải quyết?» (private link)."""
    locked = lock(petition)
    if locked.status not in (S.ANSWERED, S.CLOSED):
        raise Conflict("not_answered", "Vụ việc chưa có câu trả lời để đánh giá.")
    if len(note) > MAX_NOTE:
        raise InvalidInput("note_too_long", "Ý kiến quá dài.", errors={"note": ["Tối đa 5.000 ký tự."]})
    before = locked.satisfied
    locked.satisfied, locked.satisfaction_note = satisfied, note.strip()
    locked.version += 1
    locked.save(update_fields=["satisfied", "satisfaction_note", "version", "updated_at"])
    record_step(
        actor=None,
        petition=locked,
        action="rate",
        note=("Hài lòng. " if satisfied else "Chưa hài lòng. ") + locked.satisfaction_note,
        changes={"satisfied": [before, satisfied]},
    )
    return locked


@transaction.atomic
def petition_mark_duplicate(
    *, actor: Any, scope: UserScope, petition: Petition, original: Petition | None
) -> Petition:
    locked = lock(petition)
    require(scope, locked, HANDLE)
    if original is not None and original.pk == locked.pk:
        raise InvalidInput("invalid_duplicate", "Một vụ việc không trùng với chính nó.")
    before = locked.duplicate_of_id
    locked.duplicate_of = original
    locked.version += 1
    locked.save(update_fields=["duplicate_of", "version", "updated_at"])
    record_step(
        actor=actor,
        petition=locked,
        action="duplicate",
        note=f"Trùng với {original.tracking_code}." if original else "Bỏ đánh dấu trùng.",
        changes={"duplicate_of": [before, original.pk if original else None]},
    )
    return locked
