"""The campaign's summary document: requested on the campaign's page or through the API, built in
the background, read back from the .docx (text, tables, numbers the Vietnamese way)."""

import datetime as dt
import io

import pytest
from docx import Document

from danvan.accounts.scope import scope_for
from danvan.campaigns.models import ContributionKind, DonorType
from danvan.campaigns.services import ContributionData, DistributionData, contribution_add, distribution_add
from danvan.campaigns.tests.conftest import group, kind
from danvan.documents.models import GeneratedDocument, Status
from danvan.orgs.models import Organization, OrganizationKind

API = "/api/v1/documents"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _campaign(make_campaign, personas, tree):
    campaign = make_campaign(
        "Tết vì người nghèo 2026", goal_money=5_000_000_000, goal_items={kind("suat_qua"): 10_000}
    )
    front = Organization.objects.create(
        unit=tree.commune_a,
        kind=OrganizationKind.objects.get_or_create(code="mttq", defaults={"name": "Ủy ban MTTQ"})[0],
        name="Ủy ban MTTQ Việt Nam phường Sóc Trăng",
    )
    campaign.organizers.add(front)
    actor, scope = personas.reporter_a, scope_for(personas.reporter_a)
    day = dt.date(2026, 1, 20)
    for donor, money_kind, amount, goods in (
        (DonorType.ENTERPRISE, ContributionKind.MONEY, 4_000_000_000, ""),
        (DonorType.INDIVIDUAL, ContributionKind.MONEY, 500_000_000, ""),
        (DonorType.ENTERPRISE, ContributionKind.GOODS, 150_000_000, "Gạo"),
    ):
        data = ContributionData(
            kind=money_kind,
            donor_type=donor,
            donor_name="Nhà hảo tâm",
            amount=amount,
            received_on=day,
            goods=goods,
        )
        if goods:
            data.quantity, data.quantity_unit = 10_000, "kg"
        contribution_add(actor=actor, scope=scope, campaign=campaign, data=data)
    for item, groups, quantity, value in (
        ("suat_qua", ["ho_ngheo", "ho_can_ngheo"], 9365, 4_020_000_000),
        ("dien_thoai_thong_minh", ["hoc_sinh_kho_khan"], 76, 228_000_000),
    ):
        data = DistributionData(
            unit=tree.commune_a,
            item_kind=kind(item),
            groups=[group(g) for g in groups],
            quantity=quantity,
            distributed_on=day,
            value=value,
        )
        distribution_add(actor=actor, scope=scope, campaign=campaign, data=data)
    return campaign


def _read(document: GeneratedDocument):
    with document.file.open("rb") as handle:
        return Document(io.BytesIO(handle.read()))


def test_campaign_summary_through_the_api_reads_back(
    personas, tree, make_campaign, api_for, media, django_capture_on_commit_callbacks
):
    campaign = _campaign(make_campaign, personas, tree)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_for(personas.approver).post(
            API, {"type": "campaign_summary", "campaign": campaign.pk}, content_type="application/json"
        )
    assert response.status_code == 202, response.content
    document = GeneratedDocument.objects.get(pk=response.json()["id"])
    assert document.status == Status.DONE and document.unit == tree.commune_a
    docx = _read(document)
    cells = [cell.text for table in docx.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in docx.paragraphs] + cells)
    assert "ỦY BAN MTTQ VIỆT NAM PHƯỜNG SÓC TRĂNG" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Kết quả cuộc vận động “Tết vì người nghèo 2026”" in text
    assert "4,65 tỷ đồng (4.650.000.000 đồng)" in text and "đạt 93% chỉ tiêu 5 tỷ đồng" in text
    assert "9.365 suất quà cho hộ nghèo, hộ cận nghèo, trị giá 4,02 tỷ đồng" in text
    assert "TM. BAN THƯỜNG TRỰC" in text and "Số:" in text and "/BC-MTTQ-BTT" in text
    donors, given, goals = ([[c.text for c in row.cells] for row in t.rows] for t in docx.tables[1:4])
    assert donors[0][:3] == ["TT", "Người đóng góp", "Lượt"]
    assert ["1", "Doanh nghiệp", "2", "4.000.000.000", "150.000.000", "4.150.000.000"] in donors
    assert donors[-1] == ["", "Tổng cộng", "3", "4.500.000.000", "150.000.000", "4.650.000.000"]
    assert ["1", "Suất quà", "hộ nghèo, hộ cận nghèo", "9.365", "suất", "4.020.000.000"] in given
    assert given[-1][-1] == "4.248.000.000"
    assert ["Suất quà", "10.000", "9.365", "93,7"] in goals


def test_campaign_summary_from_the_page_and_refusals(
    personas, tree, make_campaign, client_for, api_for, media, unchanged, django_capture_on_commit_callbacks
):
    campaign = _campaign(make_campaign, personas, tree)
    page = client_for(personas.reporter_a).get(f"/an-sinh/{campaign.pk}/")
    assert "Báo cáo kết quả cuộc vận động an sinh" in page.text and 'action="/van-ban/tao/"' in page.text
    form = {
        "type": "campaign_summary",
        "campaign": campaign.pk,
        "format": "docx",
        "next": page.request["PATH_INFO"],
    }
    with unchanged():
        refused = client_for(personas.reporter_b).post("/van-ban/tao/", form, follow=True)
        assert refused.redirect_chain[-1][0] == "/van-ban/"
        assert "Không tìm thấy đối tượng hoặc bạn không có quyền xem." in refused.text
        assert GeneratedDocument.objects.count() == 0
        api = api_for(personas.other_approver).post(
            API, {"type": "campaign_summary", "campaign": campaign.pk}, content_type="application/json"
        )
        assert api.status_code == 404 and api.json()["code"] == "not_found"
    with django_capture_on_commit_callbacks(execute=True):
        created = client_for(personas.reporter_a).post("/van-ban/tao/", form)
    document = GeneratedDocument.objects.get()
    assert created.status_code == 302 and created["Location"].endswith(f"#document-{document.pk}")
    assert document.status == Status.DONE and document.requested_by == personas.reporter_a
