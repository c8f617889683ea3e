"""A unit's calendar as iCalendar (RFC 5545), written by hand: no dependency for ~40 lines."""

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from danvan.meetings.models import Meeting, MeetingStatus

LINE = 75


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > LINE:
            out.append(current)
            current = " " + char
        else:
            current += char
    return [*out, current]


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(meeting: Meeting, host: str) -> list[str]:
    end = meeting.ends_at or meeting.starts_at + dt.timedelta(hours=2)
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{host}",
        f"DTSTAMP:{_utc(meeting.updated_at or timezone.now())}",
        f"DTSTART:{_utc(meeting.starts_at)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{_escape(f'{meeting.get_kind_display()}: {meeting.title}')}",
        f"SEQUENCE:{meeting.version}",
    ]
    if meeting.place:
        lines.append(f"LOCATION:{_escape(meeting.place)}")
    if meeting.agenda:
        lines.append(f"DESCRIPTION:{_escape(meeting.agenda)}")
    if meeting.status == MeetingStatus.CANCELLED:
        lines.append("STATUS:CANCELLED")
    lines.append("END:VEVENT")
    return lines


def calendar_ics(meetings: Iterable[Meeting], *, name: str, host: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//DanVan//Hoi nghi//VI",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for meeting in meetings:
        lines.extend(_event(meeting, host))
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
