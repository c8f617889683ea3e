"""Writes of the import: store an extracted text, save the review, confirm (create drafts), batches."""

import datetime as dt
import io
import zipfile
from pathlib import PurePosixPath
from typing import Any

from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, InvalidInput, NotFound
from danvan.core.periods import Period
from danvan.extraction.drafts import DraftContext, create_drafts
from danvan.extraction.models import DraftRecord, ImportBatch, ImportedText, Status
from danvan.extraction.reading import MAX_FILE_BYTES, SourceText
from danvan.extraction.schemas import ReviewedExtraction
from danvan.territory.models import Unit

MAX_BATCH_FILES = 200
TEXT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


@transaction.atomic
def imported_text_create(
    *, actor: Any, source: SourceText, extraction: dict[str, Any], batch: ImportBatch | None = None
) -> ImportedText:
    imported = ImportedText.objects.create(
        source_text=source.text,
        file_name=source.name[:255],
        kind=source.kind,
        extraction=extraction,
        created_by=actor,
        batch=batch,
    )
    audit_record(actor=actor, action="extraction.import", obj=imported, changes={"kind": [None, source.kind]})
    return imported


def check_reviewed(data: dict[str, Any], text_length: int) -> dict[str, Any]:
    """The reviewed JSON, checked against the schema and the text's length; InvalidInput otherwise."""
    try:
        checked = ReviewedExtraction.model_validate(data).model_dump(mode="json")
    except ValidationError as exc:
        errors: dict[str, list[str]] = {}
        for error in exc.errors():
            errors.setdefault(".".join(str(p) for p in error["loc"]), []).append(error["msg"])
        raise InvalidInput("invalid_review", "Kết quả rà soát chưa hợp lệ.", errors=errors) from exc
    for item in checked["figures"] + checked["tasks"]:
        if not (0 <= item["start"] <= item["end"] <= text_length):
            raise InvalidInput("invalid_review", "Vị trí một mục nằm ngoài văn bản.")
    if checked["event"]["period"]:
        checked["event"]["period"]["label"] = Period.parse(checked["event"]["period"]["code"]).label
    return checked


@transaction.atomic
def imported_text_review(*, actor: Any, imported: ImportedText, reviewed: dict[str, Any]) -> ImportedText:
    if imported.status == Status.CONFIRMED:
        raise Conflict("already_confirmed", "Văn bản đã được xác nhận: không sửa được nữa.")
    imported.reviewed = check_reviewed(reviewed, len(imported.source_text))
    imported.status = Status.REVIEWED
    imported.save(update_fields=["reviewed", "status", "updated_at"])
    audit_record(
        actor=actor, action="extraction.review", obj=imported, changes={"status": [None, Status.REVIEWED]}
    )
    return imported


def _unit(scope: UserScope, data: dict[str, Any], day: Any) -> Unit | None:
    unit_json = data["event"].get("unit")
    if not unit_json or not unit_json.get("code"):
        return None
    units = Unit.objects.filter(code=unit_json["code"])
    unit = (units.valid_on(day).first() if day else None) or units.order_by("-valid_to").first()
    if unit is None:
        raise InvalidInput("unknown_unit", f"Không có đơn vị mã {unit_json['code']}.")
    if not scope.covers(unit, Role.REPORTER, history=True):
        raise NotFound(f"Bạn không được nhập liệu cho {unit.name}.")
    return unit


@transaction.atomic
def imported_text_confirm(*, actor: Any, scope: UserScope, imported: ImportedText) -> list[DraftRecord]:
    """Create the drafts the reviewed text describes, all or nothing, each linked back to it."""
    locked = ImportedText.objects.select_for_update().get(pk=imported.pk)
    if locked.status == Status.CONFIRMED:
        raise Conflict("already_confirmed", "Văn bản đã được xác nhận trước đó.")
    data = check_reviewed(locked.current, len(locked.source_text))
    day = dt.date.fromisoformat(data["event"]["date"]) if data["event"]["date"] else None
    period = Period.parse(data["event"]["period"]["code"]) if data["event"]["period"] else None
    ctx = DraftContext(actor, scope, data, _unit(scope, data, day), period, day, f"#{locked.pk}")
    records = [
        DraftRecord.objects.create(
            imported_text=locked,
            target=outcome.obj._meta.label_lower if outcome.obj is not None else outcome.target,
            object_id=str(outcome.obj.pk) if outcome.obj is not None else "",
            outcome=DraftRecord.Outcome.CREATED if outcome.created else DraftRecord.Outcome.SKIPPED,
            message=outcome.message[:500],
        )
        for outcome in create_drafts(ctx)
    ]
    locked.status, locked.confirmed_by, locked.confirmed_at = Status.CONFIRMED, actor, timezone.now()
    locked.reviewed = data
    locked.save(update_fields=["status", "confirmed_by", "confirmed_at", "reviewed", "updated_at"])
    created = sum(r.outcome == DraftRecord.Outcome.CREATED for r in records)
    audit_record(
        actor=actor,
        action="extraction.confirm",
        obj=locked,
        unit=ctx.unit,
        changes={"drafts": [None, created]},
    )
    return records


def batch_members(data: bytes) -> list[zipfile.ZipInfo]:
    """The text files of a .zip, with the same guards as Word files (size, count, ratio)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InvalidInput(
            "bad_zip", "Tệp .zip bị hỏng, không đọc được.", errors={"file": ["Tệp .zip bị hỏng."]}
        ) from exc
    members = [
        m
        for m in archive.infolist()
        if not m.is_dir() and PurePosixPath(m.filename).suffix.lower() in TEXT_SUFFIXES
    ]
    if not members:
        raise InvalidInput(
            "empty_zip",
            "Tệp .zip không có văn bản .txt, .docx, .pdf hoặc .html nào.",
            errors={"file": ["Không có văn bản."]},
        )
    if len(members) > MAX_BATCH_FILES:
        raise InvalidInput(
            "zip_too_many",
            f"Tệp .zip có hơn {MAX_BATCH_FILES} văn bản: hãy chia nhỏ.",
            errors={"file": ["Quá nhiều tệp."]},
        )
    if any(m.file_size > MAX_FILE_BYTES or m.file_size > 100 * max(m.compress_size, 1) for m in members):
        raise InvalidInput(
            "zip_bomb",
            "Tệp .zip có văn bản giải nén quá lớn bất thường: không nhập.",
            errors={"file": ["Nghi tệp độc hại."]},
        )
    return members


@transaction.atomic
def batch_create(*, actor: Any, name: str, data: bytes) -> ImportBatch:
    if not data or len(data) > 5 * MAX_FILE_BYTES:
        raise InvalidInput(
            "zip_size", "Tệp .zip rỗng hoặc quá lớn.", errors={"file": ["Kích thước không hợp lệ."]}
        )
    members = batch_members(data)
    batch = ImportBatch.objects.create(
        file_name=name[:255], payload=data, total=len(members), created_by=actor
    )
    audit_record(actor=actor, action="extraction.batch", obj=batch, changes={"total": [None, len(members)]})
    from danvan.extraction.tasks import import_batch

    transaction.on_commit(lambda: import_batch.enqueue(batch.pk))
    return batch
