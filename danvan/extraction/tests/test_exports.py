"""The imported texts in Excel: one's own, never another user's."""

from danvan.core.tests.exports import column
from danvan.extraction.models import ImportedText


def test_own_imports_only(personas, client_for):
    ImportedText.objects.create(
        source_text="x", file_name="bao-cao.docx", kind="docx", extraction={}, created_by=personas.reporter_a
    )
    ImportedText.objects.create(
        source_text="y", file_name="khac.docx", kind="docx", extraction={}, created_by=personas.reporter_b
    )
    assert column(client_for(personas.reporter_a).get("/nhap-van-ban/", {"xuat": "xlsx"}), "Tệp") == [
        "bao-cao.docx"
    ]
    before = list(ImportedText.objects.values_list("pk", "status"))
    assert column(client_for(personas.other_approver).get("/nhap-van-ban/", {"xuat": "xlsx"}), "Tệp") == []
    assert list(ImportedText.objects.values_list("pk", "status")) == before
