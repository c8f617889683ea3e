"""Receiving an item: by staff from any channel, or by a citizen on the public site.

The clock starts here: the rule in force on the filing date is fixed on the item, the
acknowledgement and acceptance deadlines are computed on the working calendar, a routing rule
names the handling body. A citizen gets a tracking code and a private link (its secret is
shown once and only its hash is kept).
"""

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import InvalidInput, NotFound
from danvan.core.text import fold
from danvan.petitions import clocks, timing
from danvan.petitions.access import secret_hash
from danvan.petitions.models import CLOCK_OF_KIND, COMPLAINT_KINDS, Channel, Kind, Petition, Topic
from danvan.petitions.selectors import route_for, rule_for, work_calendar
from danvan.petitions.services.common import record_step
from danvan.petitions.services.files import check_uploads, store
from danvan.territory.models import Level, Unit

MAX_CONTENT = 10_000
MIN_CONTENT = 10
TITLE_LENGTH = 200
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
_PHONE = re.compile(r"^\+?[0-9 .]{8,15}$")
PUBLIC_LEVELS = (Level.COMMUNE, Level.NEIGHBOURHOOD)


@dataclass
class Intake:
    """What a form, the API or a phone call says about a new item, before it is checked."""

    kind: str
    topic: Topic | None
    unit: Unit | None
    content: str
    title: str = ""
    location: str = ""
    citizen_name: str = ""
    citizen_phone: str = ""
    citizen_email: str = ""
    citizen_address: str = ""
    wants_updates: bool = False
    public_consent: bool = False
    known_on: dt.date | None = None


def _text_errors(intake: Intake) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    content = intake.content.strip()
    if len(content) < MIN_CONTENT:
        errors["content"] = [f"Cần ghi nội dung (ít nhất {MIN_CONTENT} ký tự)."]
    elif len(content) > MAX_CONTENT:
        errors["content"] = [f"Nội dung quá dài: tối đa {MAX_CONTENT:,} ký tự.".replace(",", ".")]
    if len(intake.title) > TITLE_LENGTH:
        errors["title"] = [f"Tóm tắt tối đa {TITLE_LENGTH} ký tự."]
    if len(intake.location) > 300 or len(intake.citizen_address) > 300 or len(intake.citizen_name) > 120:
        errors["location"] = ["Địa điểm, địa chỉ hoặc họ tên quá dài."]
    return errors


def _citizen_errors(intake: Intake) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if intake.citizen_phone and not _PHONE.match(intake.citizen_phone.strip()):
        errors["citizen_phone"] = ["Số điện thoại không hợp lệ."]
    if intake.citizen_email:
        try:
            validate_email(intake.citizen_email.strip())
        except ValidationError:
            errors["citizen_email"] = ["Địa chỉ thư điện tử không hợp lệ."]
    if intake.wants_updates and not (intake.citizen_phone or intake.citizen_email):
        errors["wants_updates"] = ["Để nhận thông báo, hãy ghi số điện thoại hoặc thư điện tử."]
    named = intake.kind in (*COMPLAINT_KINDS, Kind.DENUNCIATION)
    if named and not intake.citizen_name.strip():
        errors["citizen_name"] = ["Khiếu nại, tố cáo phải ghi rõ họ tên người gửi."]
    if named and not (intake.citizen_address.strip() or intake.citizen_phone.strip()):
        errors["citizen_address"] = ["Khiếu nại, tố cáo phải có địa chỉ hoặc số điện thoại để liên hệ."]
    return errors


def check_intake(intake: Intake, received_on: dt.date, *, public: bool) -> None:
    errors = _text_errors(intake) | _citizen_errors(intake)
    if intake.kind not in Kind.values:
        errors["kind"] = ["Chọn loại: ý kiến, kiến nghị, phản ánh, khiếu nại hoặc tố cáo."]
    if intake.topic is None or not intake.topic.is_active:
        errors["topic"] = ["Chọn lĩnh vực."]
    unit = intake.unit
    if unit is None or not unit.is_valid_on(received_on) or (public and unit.level not in PUBLIC_LEVELS):
        errors["unit"] = ["Chọn xã, phường, đặc khu nơi xảy ra sự việc."]
    if intake.known_on and intake.known_on > received_on:
        errors["known_on"] = ["Ngày biết sự việc không được sau ngày gửi."]
    if errors:
        raise InvalidInput("invalid_petition", "Thông tin gửi lên chưa hợp lệ.", errors=errors)


def new_tracking_code(year: int) -> str:
    tail = "".join(secrets.choice(CODE_ALPHABET) for _ in range(7))
    return f"YK{year % 100:02d}-{tail}"


def _build(intake: Intake, *, channel: str, received_at: dt.datetime, actor: Any) -> Petition:
    assert intake.unit is not None and intake.topic is not None  # checked by check_intake
    received_on = timezone.localdate(received_at)
    rule = rule_for(CLOCK_OF_KIND[Kind(intake.kind)], intake.unit, received_on)
    if rule is None:
        raise InvalidInput("no_clock_rule", "Chưa có quy định thời hạn áp dụng cho ngày gửi này.")
    cal = work_calendar()
    content = intake.content.strip()
    limit = clocks.filing_deadline(rule, intake.known_on, cal) if intake.known_on else None
    petition = Petition(
        kind=intake.kind,
        channel=channel,
        topic=intake.topic,
        unit=intake.unit,
        unit_path=intake.unit.path,
        title=(intake.title.strip() or content.splitlines()[0])[:TITLE_LENGTH],
        content=content,
        content_folded=fold(f"{intake.title} {content} {intake.location}"),
        location=intake.location.strip(),
        citizen_name=intake.citizen_name.strip(),
        citizen_phone=intake.citizen_phone.strip(),
        citizen_email=intake.citizen_email.strip(),
        citizen_address=intake.citizen_address.strip(),
        wants_updates=intake.wants_updates,
        public_consent=intake.public_consent,
        known_on=intake.known_on,
        filed_late=limit is not None and received_on > limit,
        rule=rule,
        received_at=received_at,
        received_on=received_on,
        ack_due_at=clocks.ack_due(rule, timezone.localtime(received_at), cal),
        accept_due=clocks.accept_due(rule, received_on, cal),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    petition.due_on = petition.accept_due
    organization = route_for(unit=intake.unit, topic=intake.topic, kind=intake.kind)
    if organization is not None:
        petition.organization = organization
        petition.org_unit_path = organization.unit.path
    return petition


def _save_with_code(petition: Petition) -> str:
    """Save under a fresh tracking code (retrying the rare collision); return the link secret."""
    secret = secrets.token_urlsafe(18)
    petition.access_hash = secret_hash(secret)
    for attempt in range(5):
        petition.tracking_code = new_tracking_code(petition.received_on.year)
        try:
            with transaction.atomic():
                petition.save()
            return secret
        except IntegrityError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def _receive(
    *, actor: Any, intake: Intake, channel: str, uploads: list[UploadedFile], public: bool, note: str
) -> tuple[Petition, str]:
    received_at = timing.now()
    check_intake(intake, timezone.localdate(received_at), public=public)
    files = check_uploads(uploads)
    petition = _build(intake, channel=channel, received_at=received_at, actor=actor)
    secret = _save_with_code(petition)
    store(petition=petition, checked_uploads=files, actor=actor, from_citizen=True)
    record_step(
        actor=actor,
        petition=petition,
        action="receive",
        note=note,
        changes={"kind": [None, petition.kind], "channel": [None, channel], "files": len(files)},
    )
    if petition.organization is not None:
        record_step(
            actor=None,
            by_system=True,
            petition=petition,
            action="route",
            note=f"Chuyển tự động theo quy tắc tới {petition.organization.name}.",
            changes={"organization": [None, petition.organization.pk]},
        )
    return petition, secret


@transaction.atomic
def petition_receive(
    *,
    actor: Any,
    scope: UserScope,
    intake: Intake,
    channel: str,
    uploads: list[UploadedFile] | None = None,
) -> tuple[Petition, str]:
    """Staff record an item from any channel on a unit they report for. Returns (item, secret)."""
    if intake.unit is None or not scope.covers(intake.unit, Role.REPORTER):
        raise NotFound("Không có đơn vị này trong phạm vi nhập liệu của bạn.")
    if channel not in Channel.values:
        raise InvalidInput(
            "invalid_petition", "Kênh tiếp nhận không hợp lệ.", errors={"channel": ["Không hợp lệ."]}
        )
    return _receive(actor=actor, intake=intake, channel=channel, uploads=uploads or [], public=False, note="")


@transaction.atomic
def petition_submit_public(
    *, intake: Intake, uploads: list[UploadedFile] | None = None
) -> tuple[Petition, str]:
    """A citizen's submission on the public site (no account). Returns (item, secret)."""
    return _receive(
        actor=None,
        intake=intake,
        channel=Channel.WEB,
        uploads=uploads or [],
        public=True,
        note="Công dân gửi trên cổng thông tin.",
    )
