"""The meeting a text describes: kind, title, time, organizers, attendees (chair marked) and tasks."""

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from danvan.core.formatting import format_date
from danvan.core.text import fold
from danvan.extraction.mapping import meeting_kind, next_period_end
from danvan.extraction.plan.base import Basis, Part
from danvan.meetings.models import MeetingKind
from danvan.meetings.services.imports import AttendeeDraft, MeetingDraft
from danvan.meetings.services.tasks import TaskSpec
from danvan.orgs.models import Organization
from danvan.orgs.selectors import active_on_q, people_by_name
from danvan.territory.tree import subtree_q

FRONT_KIND = "mttq"
_TIME_OF_DAY = re.compile(r"\b(sáng|chiều|tối)\s+(?:ngày\s+)?\d{1,2}\s*[/-]\s*\d{1,2}", re.IGNORECASE)
_HOURS = {"sang": dt.time(8, 0), "chieu": dt.time(14, 0), "toi": dt.time(19, 30)}
_CHAIR = re.compile(r"chủ\s+trì", re.IGNORECASE)
CHAIR_REACH = 120  # characters between a name and "chủ trì" for the name to be proposed as chair


@dataclass
class MeetingPart(Part):
    kind: str = ""
    title: str = ""
    time: dt.time = dt.time(8, 0)
    organizer_choices: list[Organization] = field(default_factory=list)
    organizers: list[Organization] = field(default_factory=list)
    chair: int = -1
    task_owner: Organization | None = None
    task_deadline: dt.date | None = None
    matched: set[int] = field(default_factory=set)  # indexes of people found in the registry
    draft: MeetingDraft | None = None


def organizations_of(basis: Basis) -> list[Organization]:
    """Organizations of the unit's subtree active on the day, the unit's own first."""
    if basis.unit is None:
        return []
    rows = Organization.objects.filter(subtree_q([basis.unit.path], "unit__path")).select_related(
        "kind", "unit"
    )
    if basis.day is not None:
        rows = rows.filter(active_on_q(basis.day))
    return sorted(rows, key=lambda o: (o.unit.depth, o.sort_key))


def _proposed_organizers(basis: Basis, choices: list[Organization], kind: str) -> list[Organization]:
    wanted = fold(basis.data["event"].get("organizer") or "")
    exact = [o for o in choices if wanted and o.name_folded == wanted]
    starts = [o for o in choices if wanted and o.name_folded.startswith(wanted)]
    found = exact or (starts[:1] if len(starts) == 1 else [])
    if kind == MeetingKind.DIALOGUE:
        own_front = [o for o in choices if o.kind.code == FRONT_KIND and o.unit_id == basis.unit.pk]  # type: ignore[union-attr]
        found += [o for o in own_front[:1] if o not in found]
    return found


def _time(basis: Basis) -> dt.time:
    chosen = basis.target("meeting_time")
    if chosen:
        return dt.time.fromisoformat(str(chosen))
    found = _TIME_OF_DAY.search(basis.text[:2000])
    return _HOURS.get(fold(found.group(1)), dt.time(8, 0)) if found else dt.time(8, 0)


def _proposed_chair(basis: Basis) -> int:
    for index, person in enumerate(basis.data["people"]):
        start, end = person.get("start"), person.get("end")
        if start is None or end is None:
            continue
        near = basis.text[max(0, start - CHAIR_REACH) : end + CHAIR_REACH]
        if _CHAIR.search(near):
            return index
    return -1


def _title(basis: Basis, kind: str) -> str:
    chosen = (basis.target("meeting_title") or "").strip()
    if chosen or not kind:
        return chosen
    label = MeetingKind(kind).label
    if basis.period is not None:
        return f"{label} công tác dân vận {basis.period.label[:1].lower()}{basis.period.label[1:]}"
    return f"{label} ngày {format_date(basis.day)}" if basis.day else label


def _by_ids(choices: list[Organization], ids: Any) -> list[Organization]:
    wanted = {int(i) for i in ids or []}
    return [o for o in choices if o.pk in wanted]


def _choose(part: MeetingPart, basis: Basis) -> None:
    choices = part.organizer_choices
    chosen = basis.target("organizers")
    part.organizers = (
        _by_ids(choices, chosen) if chosen is not None else _proposed_organizers(basis, choices, part.kind)
    )
    owner_id = basis.target("task_owner")
    owner = _by_ids(choices, [owner_id]) if owner_id is not None else []
    part.task_owner = owner[0] if owner else (part.organizers[0] if part.organizers else None)
    deadline = basis.target("task_deadline")
    part.task_deadline = (
        dt.date.fromisoformat(str(deadline)) if deadline else next_period_end(basis.period, basis.day)
    )
    chair = basis.target("chair")
    part.chair = int(chair) if chair is not None else _proposed_chair(basis)


def _problems(part: MeetingPart, basis: Basis) -> list[str]:
    problems = []
    if basis.unit is None:
        problems.append("Chưa xác định đơn vị hành chính (mã đơn vị) của hội nghị.")
    if basis.day is None:
        problems.append("Chưa có ngày diễn ra hội nghị.")
    if not part.kind:
        problems.append("Chọn loại hội nghị (văn bản không nói rõ đây là hội nghị loại nào).")
    if basis.unit is not None and not part.organizers:
        problems.append("Chọn cơ quan tổ chức trong danh sách của đơn vị.")
    if basis.data["tasks"] and (part.task_owner is None or part.task_deadline is None):
        problems.append("Chọn cơ quan chủ trì và hạn hoàn thành cho các nhiệm vụ.")
    return problems


def _draft(part: MeetingPart, basis: Basis) -> MeetingDraft:
    assert basis.unit is not None and basis.day is not None
    zone = ZoneInfo(settings.TIME_ZONE)
    people = basis.data["people"]
    return MeetingDraft(
        unit=basis.unit,
        kind=part.kind,
        title=part.title,
        starts_at=dt.datetime.combine(basis.day, part.time, tzinfo=zone),
        organizers=part.organizers,
        period=basis.period.code if basis.period else "",
        attendees=[
            AttendeeDraft(p["name"], p.get("position") or "", index == part.chair)
            for index, p in enumerate(people)
        ],
        tasks=[
            TaskSpec(title=t["text"][:500], owner=part.task_owner, deadline=part.task_deadline)  # type: ignore[arg-type]
            for t in basis.data["tasks"]
        ],
        note=basis.source_label,
    )


def _lines(part: MeetingPart, basis: Basis) -> list[str]:
    if not part.kind or basis.day is None:
        return []
    lines = [f"Hội nghị «{part.title}» ({MeetingKind(part.kind).label}), ngày {format_date(basis.day)}"]
    for index, person in enumerate(basis.data["people"]):
        found = "đã có hồ sơ" if index in part.matched else "ghi theo tên"
        role = "chủ trì" if index == part.chair else "đại biểu"
        lines.append(f"{role.capitalize()}: {person['name']} — {person.get('position') or '…'} ({found})")
    if basis.data["tasks"] and part.task_owner and part.task_deadline:
        lines.append(
            f"{len(basis.data['tasks'])} nhiệm vụ giao {part.task_owner.name}, "
            f"hạn {format_date(part.task_deadline)}"
        )
    return lines


def meeting_part(basis: Basis) -> MeetingPart:
    chosen_kind = basis.target("meeting_kind")
    kind = chosen_kind if chosen_kind is not None else meeting_kind(basis.data["event"].get("type"))
    part = MeetingPart("meetings", "Hội nghị, đại biểu và nhiệm vụ", kind=kind)
    part.organizer_choices = organizations_of(basis)
    _choose(part, basis)
    part.title, part.time = _title(basis, kind), _time(basis)
    if basis.unit is not None:
        found = people_by_name(basis.unit, [p["name"] for p in basis.data["people"]])
        part.matched = {i for i, p in enumerate(basis.data["people"]) if fold(p["name"]) in found}
    part.problems = _problems(part, basis)
    part.lines = _lines(part, basis)
    part.enabled = basis.wanted("meetings", bool(kind and basis.day))
    if part.enabled and not part.problems:
        part.draft = _draft(part, basis)
    part.notes.append(
        "Hội nghị được tạo ở trạng thái «Đã lên lịch»: kiểm tra lại rồi ghi nhận đã họp hoặc kết thúc; "
        "trước đó nó chưa được tính vào thống kê và các nhiệm vụ chưa được nhắc hạn."
    )
    return part
