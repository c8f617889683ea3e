"""The documents of a meeting, from its record (danvan.documents registry, registered in apps.py):

- `meeting_minutes`: the minutes (biên bản, variant "minutes") of a meeting held, or the notice
  of its conclusions (thông báo kết luận, variant "conclusions"): time, place, chair, attendees
  with the posts they held that day, content, conclusions, and the tasks given with owner and
  deadline;
- `dialogue_questions`: a dialogue's questions and answers: who asked, the question, the answer,
  the promised follow-up with its owner and deadline, and the counts (answered on the spot, %).

The issuing body is the meeting's first organizer, in the frame its kind writes in (a party
committee: Hướng dẫn 36-HD/VPTW; the Front, the associations, the People's Committee: Nghị định
30/2020/NĐ-CP), or the unit's party committee when no organizer is recorded.
"""

import datetime as dt
from typing import Any, Literal

from django.utils import timezone
from pydantic import Field

from danvan.accounts.scope import UserScope
from danvan.core.errors import InvalidInput
from danvan.core.formatting import format_date, format_number, format_percent
from danvan.core.models import MAX_ID
from danvan.documents.frame import TEXT_WIDTH_CM
from danvan.documents.official import Cell, HeaderCell, OfficialDocument, Section, Table
from danvan.documents.registry import BuildRequest, CommonParameters
from danvan.meetings.access import access_meeting
from danvan.meetings.models import AnswerState, Meeting, MeetingStatus, QuestionSource
from danvan.meetings.selectors import dialogue_summary
from danvan.territory.models import Unit


class MeetingParameters(CommonParameters):
    meeting: int = Field(ge=1, le=MAX_ID, description="mã số (id) của hội nghị")


class MinutesParameters(MeetingParameters):
    variant: Literal["minutes", "conclusions"] = Field(
        "minutes", description="minutes: biên bản; conclusions: thông báo kết luận"
    )


# At request time: the meeting through its access helper (404 when not visible), and its state.


def minutes_target(scope: UserScope, values: dict[str, Any]) -> Unit:
    meeting = access_meeting(scope, values["meeting"])
    if meeting.status in (MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED):
        raise InvalidInput(
            "meeting_not_held",
            "Hội nghị chưa họp (hoặc đã hủy) nên chưa có biên bản, kết luận.",
            errors={"meeting": ["Ghi nhận hội nghị đã họp trước khi tạo văn bản."]},
        )
    if values.get("variant") == "conclusions" and not meeting.conclusions.strip():
        raise InvalidInput(
            "meeting_without_conclusions",
            "Hội nghị chưa có kết luận; hãy ghi kết luận khi kết thúc hội nghị rồi tạo thông báo.",
            errors={"variant": ["Chưa có kết luận để thông báo."]},
        )
    return meeting.unit


def dialogue_target(scope: UserScope, values: dict[str, Any]) -> Unit:
    meeting = access_meeting(scope, values["meeting"])
    if not meeting.is_dialogue:
        raise InvalidInput(
            "not_a_dialogue",
            "Hội nghị này không phải buổi đối thoại; danh sách ý kiến chỉ có ở buổi đối thoại.",
            errors={"meeting": ["Chọn một buổi đối thoại."]},
        )
    return meeting.unit


# Shared pieces


def _meeting(request: BuildRequest) -> Meeting:
    return Meeting.objects.select_related("unit", "chair", "conclusion_notice").get(
        pk=request.parameters["meeting"]
    )


def _organizer(meeting: Meeting) -> Any:
    return meeting.organizers.select_related("kind", "unit").order_by("pk").first()


def _frame(request: BuildRequest, meeting: Meeting, *, kind_label: str, kind_code: str) -> dict[str, Any]:
    organizer = _organizer(meeting)
    return request.identity(kind_label=kind_label, kind_code=kind_code, organization=organizer)


def paragraphs(text: str) -> list[str]:
    """Free text as the document's paragraphs: one per non-empty line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _lower_first(text: str) -> str:
    """ "Hội nghị giao ban…" inside a sentence: "hội nghị giao ban…"; a name in capitals stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _time(value: dt.datetime) -> str:
    local = timezone.localtime(value)
    return f"{local.hour} giờ {local.minute:02d} phút, ngày {format_date(local)}"


def _chair(meeting: Meeting) -> str:
    if meeting.chair is None:
        return ""
    return f"đồng chí {meeting.chair.full_name}" + (f", {meeting.chair_title}" if meeting.chair_title else "")


def _opening(meeting: Meeting) -> list[str]:
    lines = [f"Thời gian: {_time(meeting.starts_at)}."]
    if meeting.place:
        lines.append(f"Địa điểm: {meeting.place}.")
    if meeting.chair is not None:
        lines.append(f"Chủ trì: {_chair(meeting)[0].upper()}{_chair(meeting)[1:]}.")
    return lines


def attendee_table(meeting: Meeting) -> Table | None:
    attendees = list(meeting.attendees.select_related("person", "organization"))
    if not attendees:
        return None
    rows: list[list[Cell]] = []
    for number, a in enumerate(attendees, start=1):
        name = a.person.full_name if a.person else a.name
        rows.append([str(number), name, a.title, a.organization.name if a.organization else "", _presence(a)])
    table = Table("", [["TT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị", "Dự họp"]], rows)
    table.widths_cm = [1.0, 4.0, 4.5, TEXT_WIDTH_CM - 11.5, 2.0]
    return table


def _presence(attendee: Any) -> str:
    return "Có mặt" if attendee.present else "Vắng"


def task_table(meeting: Meeting) -> Table | None:
    tasks = list(meeting.tasks.select_related("owner", "owner_person").order_by("deadline", "pk"))
    if not tasks:
        return None
    rows: list[list[Cell]] = [
        [
            str(number),
            task.title,
            task.owner.name,
            task.owner_person.full_name if task.owner_person else "",
            format_date(task.deadline),
        ]
        for number, task in enumerate(tasks, start=1)
    ]
    table = Table("", [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Người phụ trách", "Thời hạn"]], rows)
    table.widths_cm = [1.0, TEXT_WIDTH_CM - 11.0, 4.2, 3.3, 2.5]
    return table


def _attendance_line(meeting: Meeting) -> str:
    present = meeting.attendees.filter(present=True).count()
    text = f"Có {format_number(present)} đại biểu có tên trong danh sách dự họp"
    if meeting.other_attendees:
        text += f" và {format_number(meeting.other_attendees)} đại biểu khác"
    return text + "."


# The minutes and the notice of conclusions


def _minutes(request: BuildRequest, meeting: Meeting) -> OfficialDocument:
    attendees, tasks = attendee_table(meeting), task_table(meeting)
    content = Section("NỘI DUNG", paragraphs(meeting.agenda))
    if meeting.report_heard:
        content.paragraphs.append(f"Hội nghị nghe {meeting.report_heard}.")
    content.paragraphs += paragraphs(meeting.minutes)
    sections = [
        Section("THÀNH PHẦN", [_attendance_line(meeting)], tables=[attendees] if attendees else []),
        content,
        Section("KẾT LUẬN", paragraphs(meeting.conclusions) or ["Hội nghị chưa ghi kết luận."]),
    ]
    if tasks:
        sections.append(Section("NHIỆM VỤ ĐƯỢC GIAO", tables=[tasks]))
    frame = _frame(request, meeting, kind_label="BIÊN BẢN", kind_code="BB")
    if not request.parameters.get("signer_title"):
        frame["signature"].authority, frame["signature"].title = "", "CHỦ TRÌ HỘI NGHỊ"
    if not request.parameters.get("signer_name") and meeting.chair is not None:
        frame["signature"].name = meeting.chair.full_name
    closing = [f"Hội nghị kết thúc lúc {_time(meeting.ends_at)}."] if meeting.ends_at else []
    return OfficialDocument(
        **frame, title=meeting.title, introduction=_opening(meeting), sections=sections, closing=closing
    )


def _conclusions(request: BuildRequest, meeting: Meeting) -> OfficialDocument:
    frame = _frame(request, meeting, kind_label="THÔNG BÁO", kind_code="TB")
    notice = meeting.conclusion_notice
    if notice is not None and not request.parameters.get("number"):
        frame["number"] = f"{notice.number:02d}" if frame["style"] == "party" else str(notice.number)
        frame["date"] = notice.issued_on if not request.parameters.get("date") else frame["date"]
    chair = _chair(meeting) or "chủ trì hội nghị"
    local = timezone.localtime(meeting.starts_at)
    opening = f"Ngày {format_date(local)}"
    opening += f", tại {meeting.place}" if meeting.place else ""
    organizer = _organizer(meeting)
    host = organizer.name if organizer is not None else f"Đảng ủy {meeting.unit.name}"
    opening += f", {host} tổ chức {_lower_first(meeting.title)}. "
    opening += f"{chair[0].upper()}{chair[1:]} chủ trì. {_attendance_line(meeting)}"
    heard = f"nghe {meeting.report_heard} và " if meeting.report_heard else ""
    introduction = [opening, f"Sau khi {heard}ý kiến phát biểu của các đại biểu, {chair} kết luận như sau:"]
    sections = [Section("KẾT LUẬN", paragraphs(meeting.conclusions))]
    tasks = task_table(meeting)
    if tasks:
        sections.append(Section("PHÂN CÔNG THỰC HIỆN", tables=[tasks]))
    closing = ["Thông báo để các cơ quan, đơn vị, cá nhân có liên quan biết, thực hiện."]
    return OfficialDocument(
        **frame,
        title=f"Kết luận của {chair} tại {_lower_first(meeting.title)}",
        introduction=introduction,
        sections=sections,
        closing=closing,
    )


def build_minutes(request: BuildRequest) -> OfficialDocument:
    meeting = _meeting(request)
    request.report_progress(40)
    if request.parameters.get("variant") == "conclusions":
        return _conclusions(request, meeting)
    return _minutes(request, meeting)


# A dialogue's questions and answers


def _asked_by(question: Any) -> str:
    place = question.neighbourhood.name if question.neighbourhood else ""
    who = question.asked_by or question.get_source_display()
    return f"{who} ({place})" if place else who


def _answer(question: Any) -> str:
    text = question.answer or "Chưa trả lời."
    return f"{text} ({question.answered_by})" if question.answered_by and question.answer else text


def _commitment(question: Any) -> str:
    if question.state not in (AnswerState.PROMISED, AnswerState.RESOLVED):
        return ""
    parts = [question.commitment_owner.name] if question.commitment_owner else []
    if question.commitment_deadline:
        parts.append(f"hạn {format_date(question.commitment_deadline)}")
    return "; ".join(parts)


def question_table(meeting: Meeting) -> Table:
    questions = meeting.questions.select_related("neighbourhood", "commitment_owner").order_by("pk")
    rows: list[list[Cell]] = []
    for number, q in enumerate(questions, start=1):
        content = f"{q.topic}: {q.content}" if q.topic else q.content
        rows.append([str(number), _asked_by(q), content, _answer(q), _commitment(q), q.get_state_display()])
    header: list[list[HeaderCell | str]] = [
        ["TT", "Người nêu", "Nội dung ý kiến, kiến nghị", "Trả lời", "Cam kết, thời hạn", "Kết quả"]
    ]
    table = Table("", header, rows)
    table.widths_cm = [1.0, 2.6, 4.4, 4.4, 2.3, 1.8]
    return table


def _summary(meeting: Meeting) -> str:
    s = dialogue_summary(meeting)
    sources = meeting.questions.values_list("source", flat=True)
    by_source = {code: sum(1 for x in sources if x == code) for code in QuestionSource.values}
    text = (
        f"Tổng số {format_number(s.raised)} ý kiến, kiến nghị ("
        f"{format_number(by_source[QuestionSource.FRONT])} do Mặt trận tổng hợp trước, "
        f"{format_number(by_source[QuestionSource.PEOPLE])} do người dân gửi trước, "
        f"{format_number(by_source[QuestionSource.ON_THE_DAY])} nêu tại buổi đối thoại). "
        f"Đã trả lời tại chỗ {format_number(s.on_the_spot)} ý kiến"
    )
    if s.on_the_spot_percent is not None:
        text += f" ({format_percent(s.on_the_spot_percent)})"
    return (
        text + f"; hẹn trả lời, giải quyết sau {format_number(s.promised)} ý kiến; "
        f"đã giải quyết theo cam kết {format_number(s.resolved)} ý kiến; "
        f"chưa trả lời {format_number(s.pending)} ý kiến."
    )


def build_dialogue(request: BuildRequest) -> OfficialDocument:
    meeting = _meeting(request)
    request.report_progress(40)
    frame = _frame(request, meeting, kind_label="BÁO CÁO", kind_code="BC")
    return OfficialDocument(
        **frame,
        title=(
            f"Tổng hợp ý kiến, kiến nghị của Nhân dân và kết quả trả lời tại {_lower_first(meeting.title)}"
        ),
        introduction=_opening(meeting),
        sections=[
            Section("KẾT QUẢ CHUNG", [_summary(meeting)]),
            Section("Ý KIẾN, KIẾN NGHỊ VÀ TRẢ LỜI", tables=[question_table(meeting)]),
        ],
    )


def register() -> None:
    from danvan.documents.registry import register_document_type

    register_document_type(
        "meeting_minutes",
        "Biên bản, thông báo kết luận hội nghị",
        build_minutes,
        parameters=MinutesParameters,
        target=minutes_target,
    )
    register_document_type(
        "dialogue_questions",
        "Ý kiến, kiến nghị và trả lời tại buổi đối thoại",
        build_dialogue,
        parameters=MeetingParameters,
        target=dialogue_target,
    )
