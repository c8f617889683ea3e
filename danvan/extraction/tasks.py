"""Batch import of a .zip of texts in the background, one text at a time, with progress."""

from pathlib import PurePosixPath

from django.db.models import F
from django.tasks import task

from danvan.core.errors import DomainError
from danvan.extraction.archive import open_archive, read_member, zip_contents
from danvan.extraction.extracting import extract_file
from danvan.extraction.models import ImportBatch
from danvan.extraction.services import imported_text_create


@task()
def import_batch(batch_id: int) -> int:
    """Extract every text of the batch into its own ImportedText (idempotent: done batches are skipped)."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None or batch.state in (ImportBatch.State.DONE, ImportBatch.State.FAILED):
        return 0
    ImportBatch.objects.filter(pk=batch_id).update(state=ImportBatch.State.RUNNING)
    data = bytes(batch.payload)
    archive = open_archive(data)
    messages: list[dict[str, str]] = list(batch.messages)  # the members left out when it was uploaded
    done = set(batch.texts.values_list("file_name", flat=True))  # a task run again goes on
    for member in zip_contents(data).members:
        name = PurePosixPath(member.filename).name
        if name in done:
            continue
        try:
            source, result = extract_file(name, read_member(archive, member))
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
