"""Reads of the import: where each created draft lives, and which text a record came from."""

from dataclasses import dataclass

from django.db import models
from django.urls import NoReverseMatch, reverse

from danvan.core.fixed_sql import Prepared
from danvan.extraction.models import DraftRecord

# DraftRecord.target → (URL name of the record's page, label)
PAGES = {
    "meetings.meeting": ("meetings:detail", "Hội nghị"),
    "reporting.submission": ("reporting:detail", "Báo cáo định kỳ"),
    "campaigns.campaign": ("campaigns:detail", "Cuộc vận động an sinh"),
    "campaigns.distribution": ("", "Đợt trao tặng"),
    "practices.practice": ("practices:detail", "Mô hình Dân vận khéo"),
}


@dataclass(frozen=True)
class DraftLink:
    record: DraftRecord
    label: str
    url: str


def draft_links(records: list[DraftRecord]) -> list[DraftLink]:
    links = []
    for record in records:
        name, label = PAGES.get(record.target, ("", record.target))
        try:
            url = reverse(name, args=[int(record.object_id)]) if name and record.object_id else ""
        except (NoReverseMatch, ValueError):
            url = ""
        links.append(DraftLink(record, label, url))
    return links


def sources_of(obj: models.Model) -> list[DraftRecord]:
    """The confirmed texts a record was created from (or had values entered from). Every record's
    page asks (`{% imported_from %}`), so the read is prepared once (core/fixed_sql.py)."""
    return _SOURCES(obj._meta.label_lower, str(obj.pk))


_SOURCES = Prepared(
    "extraction.sources",
    DraftRecord,
    lambda target, object_id: (
        DraftRecord.objects.filter(target=target, object_id=object_id)
        .select_related("imported_text")
        .only("imported_text__id", "imported_text__file_name", "outcome", "target", "object_id")
    ),
)
