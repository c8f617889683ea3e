"""Writes of the import: store an extracted text, save the review, confirm (create drafts), batches."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, InvalidInput, NotFound
from danvan.core.periods import Period
from danvan.extraction.archive import MAX_BATCH_BYTES, zip_contents
from danvan.extraction.drafts import DraftOutcome, create_drafts
from danvan.extraction.models import DraftRecord, ImportBatch, ImportedText, Status
from danvan.extraction.plan import basis_of, build_plan
from danvan.extraction.reading import SourceText
from danvan.extraction.schemas import ReviewedExtraction
from danvan.territory.models import Unit


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


def source_label(imported: ImportedText) -> str:
    """How the records created from a text name it: "Nhập từ văn bản #12 (bao-cao.docx)"."""
    name = f" ({imported.file_name})" if imported.file_name else ""
    return f"Nhập từ văn bản #{imported.pk}{name}"


def _reachable(scope: UserScope, data: dict[str, Any], basis: Any) -> Unit:
    code = (data["event"].get("unit") or {}).get("code")
    if basis.unit is None:
        if code:
            raise InvalidInput("unknown_unit", f"Không có đơn vị mã {code}.")
        raise InvalidInput(
            "no_unit", "Chưa xác định đơn vị hành chính của văn bản: hãy nhập mã đơn vị trước khi xác nhận."
        )
    if not scope.covers(basis.unit, Role.REPORTER, history=True):
        raise NotFound(f"Bạn không được nhập liệu cho {basis.unit.name}.")
    return basis.unit


def _record(imported: ImportedText, outcome: DraftOutcome) -> DraftRecord:
    return DraftRecord.objects.create(
        imported_text=imported,
        target=outcome.obj._meta.label_lower,
        object_id=str(outcome.obj.pk),
        outcome=DraftRecord.Outcome.ADDED if outcome.added else DraftRecord.Outcome.CREATED,
        message=outcome.message[:500],
    )


@transaction.atomic
def imported_text_confirm(
    *, actor: Any, scope: UserScope, imported: ImportedText, reviewed: dict[str, Any] | None = None
) -> list[DraftRecord]:
    """Save the review (when given) and create the drafts it describes, all or nothing, each linked
    back to the text; only a writer of the event's unit (its history included) may confirm."""
    locked = ImportedText.objects.select_for_update().get(pk=imported.pk)
    if locked.status == Status.CONFIRMED:
        raise Conflict("already_confirmed", "Văn bản đã được xác nhận trước đó.")
    data = check_reviewed(reviewed if reviewed is not None else locked.current, len(locked.source_text))
    basis = basis_of(data, locked.source_text, source_label(locked))
    unit = _reachable(scope, data, basis)
    records = [
        _record(locked, outcome)
        for outcome in create_drafts(actor=actor, scope=scope, plan=build_plan(basis), basis=basis)
    ]
    locked.status, locked.confirmed_by, locked.confirmed_at = Status.CONFIRMED, actor, timezone.now()
    locked.reviewed, locked.unit = data, unit
    locked.save(update_fields=["status", "confirmed_by", "confirmed_at", "reviewed", "unit", "updated_at"])
    audit_record(
        actor=actor,
        action="extraction.confirm",
        obj=locked,
        unit=unit,
        changes={"drafts": [None, len(records)]},
    )
    return records


@transaction.atomic
def batch_create(*, actor: Any, name: str, data: bytes) -> ImportBatch:
    if not data or len(data) > MAX_BATCH_BYTES:
        raise InvalidInput(
            "zip_size", "Tệp .zip rỗng hoặc quá lớn.", errors={"file": ["Kích thước không hợp lệ."]}
        )
    contents = zip_contents(data)
    batch = ImportBatch.objects.create(
        file_name=name[:255],
        payload=data,
        total=len(contents.members),
        messages=contents.skipped,
        created_by=actor,
    )
    audit_record(
        actor=actor, action="extraction.batch", obj=batch, changes={"total": [None, len(contents.members)]}
    )
    from danvan.extraction.tasks import import_batch

    transaction.on_commit(lambda: import_batch.enqueue(batch.pk))
    return batch
