"""Upload/paste and batch forms, and reading the review form back into the extraction JSON."""

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from danvan.core.errors import InvalidInput
from danvan.core.parsing import parse_date, parse_number
from danvan.core.periods import PERIOD_HELP
from danvan.extraction.extractor.event import EVENT_TYPES
from danvan.territory.models import Unit

QUALIFIERS = ("", "trên", "hơn", "gần", "khoảng", "đạt")
NEW_ROWS = 3


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp văn bản (.docx, .pdf, .txt, .html)"), required=False, allow_empty_file=True
    )
    text = forms.CharField(
        label=_("Hoặc dán nội dung văn bản"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "file" not in self.files and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Chọn một tệp hoặc dán nội dung văn bản."))
        return data


class BatchForm(forms.Form):
    archive = forms.FileField(label=_("Tệp .zip chứa nhiều văn bản"))


def _text(post: QueryDict, key: str) -> str:
    return (post.get(key) or "").strip()


def _number(value: str, label: str) -> float | None:
    try:
        found = parse_number(value)
    except (ValueError, ArithmeticError) as exc:
        raise InvalidInput("invalid_review", f"{label}: không hiểu số «{value}».") from exc
    return float(found) if found is not None else None


def _figure(post: QueryDict, prefix: str, base: dict[str, Any], source: str) -> dict[str, Any] | None:
    quantity = _number(_text(post, f"{prefix}-quantity"), "Số liệu")
    if quantity is None:
        return None
    of = _number(_text(post, f"{prefix}-of"), "Số liệu")
    figure = {
        **base,
        "quantity": quantity,
        "of": int(of) if of is not None else None,
        "unit": _text(post, f"{prefix}-unit"),
        "subject": _text(post, f"{prefix}-subject"),
        "qualifier": _text(post, f"{prefix}-qualifier") or None,
        **_destinations(post, prefix),
    }
    if "start" not in base:
        phrase = _text(post, f"{prefix}-text")
        start = source.find(phrase) if phrase else -1
        figure.update(start=max(start, 0), end=max(start, 0) + len(phrase) if start >= 0 else 0, text=phrase)
    return figure


def _destinations(post: QueryDict, prefix: str) -> dict[str, Any]:
    """Where a figure goes (indicator, welfare item, groups), when the row offered the choice."""
    found: dict[str, Any] = {}
    if f"{prefix}-indicator" in post:
        found["indicator"] = _text(post, f"{prefix}-indicator")
    if f"{prefix}-item" in post:
        found["item_kind"] = _text(post, f"{prefix}-item")
        found["groups"] = [g for g in post.getlist(f"{prefix}-groups") if g.strip()]
    return found


def _optional_int(value: str, label: str) -> int | None:
    try:
        return int(value) if value.strip() else None
    except ValueError as exc:
        raise InvalidInput("invalid_review", f"{label}: lựa chọn không hợp lệ.") from exc


def _targets(post: QueryDict) -> dict[str, Any]:
    """The reviewer's choices of what to create where (the draft plan's part of the form)."""
    if "plan-shown" not in post:
        return {}
    try:
        deadline = parse_date(_text(post, "task-deadline"))
    except ValueError as exc:
        raise InvalidInput("invalid_review", f"Hạn hoàn thành: {exc}") from exc
    return {
        "parts": [p for p in ("meetings", "reporting", "campaigns", "practices") if post.get(f"part-{p}")],
        "meeting_kind": _text(post, "meeting-kind"),
        "meeting_title": _text(post, "meeting-title"),
        "meeting_time": _text(post, "meeting-time") or None,
        # none chosen (or none offered before the unit was known) = the page's proposal
        "organizers": [_optional_int(v, "Cơ quan tổ chức") for v in post.getlist("meeting-organizers") if v]
        or None,
        "chair": _optional_int(_text(post, "meeting-chair"), "Chủ trì"),
        "task_owner": _optional_int(_text(post, "task-owner"), "Cơ quan chủ trì"),
        "task_deadline": deadline.isoformat() if deadline else None,
        "form": _text(post, "report-form") or None,
        "report_period": _text(post, "report-period"),
        "campaign": _text(post, "campaign") or "new",
        "campaign_name": _text(post, "campaign-name"),
    }


def _event(post: QueryDict, data: dict[str, Any], day: Any) -> dict[str, Any]:
    code = _text(post, "event-unit")
    unit = None
    if code:
        found = Unit.objects.filter(code=code).order_by("-valid_to").first()
        if found is None:
            raise InvalidInput("invalid_review", f"Không có đơn vị mã {code}.")
        unit = {"name": found.name, "level": found.level, "code": found.code}
    period = _text(post, "event-period")
    return {
        "type": _text(post, "event-type") or None,
        "date": day.isoformat() if day else None,
        "organizer": _text(post, "event-organizer") or None,
        "unit": unit,
        "period": {"label": "", "code": period} if period else None,
    }


def reviewed_from_post(post: QueryDict, data: dict[str, Any], source: str) -> dict[str, Any]:
    """The items the reviewer kept, corrected and added, in the extraction's JSON shape."""
    try:
        day = parse_date(_text(post, "event-date"))
    except ValueError as exc:
        raise InvalidInput("invalid_review", str(exc)) from exc
    figures = [
        f
        for i, item in enumerate(data["figures"])
        if post.get(f"fig-{i}-keep")
        for f in [_figure(post, f"fig-{i}", item, source)]
        if f
    ]
    figures += [f for j in range(NEW_ROWS) for f in [_figure(post, f"newfig-{j}", {}, source)] if f]
    people = [
        {**p, "name": _text(post, f"person-{i}-name"), "position": _text(post, f"person-{i}-position")}
        for i, p in enumerate(data["people"])
        if post.get(f"person-{i}-keep")
    ]
    people += [
        {"name": _text(post, f"newperson-{j}-name"), "position": _text(post, f"newperson-{j}-position")}
        for j in range(NEW_ROWS)
        if _text(post, f"newperson-{j}-name")
    ]
    tasks = [
        {**t, "text": _text(post, f"task-{i}-text") or t["text"]}
        for i, t in enumerate(data["tasks"])
        if post.get(f"task-{i}-keep")
    ]
    for line in _text(post, "newtasks").splitlines():
        if line.strip():
            start = source.find(line.strip())
            tasks.append(
                {
                    "text": line.strip(),
                    "start": max(start, 0),
                    "end": max(start, 0) + len(line.strip()) if start >= 0 else 0,
                }
            )
    practices = []
    for line in _text(post, "practices").splitlines():
        name, _sep, field = line.partition("|")
        if name.strip():
            practices.append({"name": name.strip(), "field": field.strip() or "kinh-te"})
    return {
        "event": _event(post, data, day),
        "people": people,
        "figures": figures,
        "tasks": tasks,
        "practices": practices,
        "targets": _targets(post),
    }


EVENT_TYPE_CHOICES = EVENT_TYPES
PERIOD_HINT = PERIOD_HELP
