"""Batch import of a .zip of texts in the background, one text at a time, with progress."""

import io
import zipfile
from pathlib import PurePosixPath

from django.db.models import F
from django.tasks import task

from danvan.core.errors import DomainError
from danvan.extraction.extracting import extract_file
from danvan.extraction.models import ImportBatch
from danvan.extraction.services import batch_members, imported_text_create


@task()
def import_batch(batch_id: int) -> int:
    """Extract every text of the batch into its own ImportedText (idempotent: done batches are skipped)."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None or batch.state in (ImportBatch.State.DONE, ImportBatch.State.FAILED):
        return 0
    ImportBatch.objects.filter(pk=batch_id).update(state=ImportBatch.State.RUNNING)
    data = bytes(batch.payload)
    archive = zipfile.ZipFile(io.BytesIO(data))
    messages: list[dict[str, str]] = []
    for member in batch_members(data):
        name = PurePosixPath(member.filename).name
        try:
            source, result = extract_file(name, archive.read(member))
            imported_text_create(actor=batch.created_by, source=source, extraction=result, batch=batch)
            messages.append({"file": name, "message": "Đã trích xuất"})
            ImportBatch.objects.filter(pk=batch_id).update(processed=F("processed") + 1)
        except DomainError as exc:
            messages.append({"file": name, "message": exc.message})
            ImportBatch.objects.filter(pk=batch_id).update(
                processed=F("processed") + 1, failed=F("failed") + 1
            )
    ImportBatch.objects.filter(pk=batch_id).update(state=ImportBatch.State.DONE, messages=messages)
    return len(messages)
