"""Campaign lists in Excel: the filtered list, a campaign's contributions and distributions, the
recipients (handlers only, audited) and the statistics; nothing for another commune's user."""

import datetime as dt

from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.campaigns.models import ContributionKind, DonorType
from danvan.campaigns.services import (
    ContributionData,
    DistributionData,
    Recipient,
    beneficiaries_add,
    contribution_add,
    distribution_add,
)
from danvan.campaigns.tests.conftest import group, kind
from danvan.core.tests.exports import column, exported, rows_of

DAY = dt.date(2026, 1, 20)


def _filled(make_campaign, personas, tree):
    campaign = make_campaign("Tết vì người nghèo 2026")
    actor, scope = personas.reporter_a, scope_for(personas.reporter_a)
    money = ContributionData(
        kind=ContributionKind.MONEY,
        donor_type=DonorType.ENTERPRISE,
        donor_name="Công ty A",
        amount=4_500_000_000,
        received_on=DAY,
    )
    contribution_add(actor=actor, scope=scope, campaign=campaign, data=money)
    given = DistributionData(
        unit=tree.commune_a,
        item_kind=kind("suat_qua"),
        groups=[group("ho_ngheo")],
        quantity=9365,
        distributed_on=DAY,
        value=4_000_000_000,
    )
    distribution = distribution_add(actor=actor, scope=scope, campaign=campaign, data=given)
    beneficiaries_add(
        actor=actor,
        scope=scope,
        distribution=distribution,
        recipients=[Recipient("Nguyễn Văn Tư", "Khóm 3", 1950)],
    )
    return campaign, distribution


def test_list_contributions_distributions_and_recipients(make_campaign, personas, tree, client_for):
    campaign, distribution = _filled(make_campaign, personas, tree)
    make_campaign("Học bổng 2026")
    client = client_for(personas.reporter_a)
    assert column(client.get("/an-sinh/", {"q": "tet", "xuat": "xlsx"}), "Tên cuộc vận động") == [
        "Tết vì người nghèo 2026"
    ]
    header, rows = exported(client.get(f"/an-sinh/{campaign.pk}/", {"xuat": "dong-gop"}))
    assert rows[0][header.index("Số tiền hoặc giá trị ước tính (đồng)")] == 4_500_000_000
    header, rows = exported(client.get(f"/an-sinh/{campaign.pk}/", {"xuat": "trao-tang"}))
    assert (
        rows[0][header.index("Số lượng")] == 9365
        and rows[0][header.index("Đối tượng thụ hưởng")] == "hộ nghèo"
    )
    before = AuditEvent.objects.count()
    url = f"/an-sinh/{campaign.pk}/trao-tang/{distribution.pk}/nguoi-nhan/"
    assert exported(client.get(url, {"xuat": "xlsx"}))[1] == [["Nguyễn Văn Tư", "Khóm 3", 1950]]
    assert (
        AuditEvent.objects.count() == before + 1
        and AuditEvent.objects.latest("pk").action == "personal_data.export"
    )
    cells = rows_of(client.get("/an-sinh/thong-ke/", {"unit": "31510", "period": "2026", "xuat": "xlsx"}))
    assert ["Suất quà", "hộ nghèo", 9365, "suất", 4_000_000_000] in cells


def test_another_commune_exports_nothing_of_commune_a(make_campaign, personas, tree, client_for, unchanged):
    campaign, distribution = _filled(make_campaign, personas, tree)
    client = client_for(personas.reporter_b)
    with unchanged():
        assert column(client.get("/an-sinh/", {"xuat": "xlsx"}), "Tên cuộc vận động") == []
        assert client.get(f"/an-sinh/{campaign.pk}/", {"xuat": "dong-gop"}).status_code == 404
        url = f"/an-sinh/{campaign.pk}/trao-tang/{distribution.pk}/nguoi-nhan/"
        assert client.get(url, {"xuat": "xlsx"}).status_code == 404
        assert client.get("/an-sinh/thong-ke/", {"unit": "31510", "xuat": "xlsx"}).status_code == 404
