"""The list of one's generated documents in Excel: one's own, never another user's."""

from danvan.core.tests.exports import column
from danvan.documents.models import GeneratedDocument


def _document(user, unit, title):
    return GeneratedDocument.objects.create(
        type="report", unit=unit, unit_path=unit.path, requested_by=user, title=title, parameters={}
    )


def test_own_documents_only(personas, tree, client_for):
    _document(personas.reporter_a, tree.commune_a, "Báo cáo tháng 8 — Phường Sóc Trăng")
    _document(personas.reporter_b, tree.commune_b, "Báo cáo tháng 8 — Phường Phú Lợi")
    names = column(client_for(personas.reporter_a).get("/van-ban/", {"xuat": "xlsx"}), "Văn bản")
    assert names == ["Báo cáo tháng 8 — Phường Sóc Trăng"]
    before = list(GeneratedDocument.objects.values_list("pk", "status"))
    assert column(client_for(personas.other_approver).get("/van-ban/", {"xuat": "xlsx"}), "Văn bản") == []
    assert list(GeneratedDocument.objects.values_list("pk", "status")) == before
