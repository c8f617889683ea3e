"""The authorization matrix of campaigns (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin
"""

from typing import Any

from danvan.campaigns.models import BeneficiaryGroup, ItemKind
from danvan.core.tests.authz.spec import OF_A, SIGNED_IN, Operation, Page

# Writing on a page of the current unit: the system admin holds no unit to work in (see the report).
WRITERS_HERE = "login ok ok ok ok ok 404"
# A form of commune A: its writers save; reporter B and the approver of Q see the form, whose unit
# list does not offer commune A, so nothing is saved.
CREATE_IN_A = "login ok noop ok noop ok 404"


def _campaign(w: Any) -> dict[str, Any]:
    return {
        "name": "Quỹ học bổng vì em đến trường",
        "unit": w.commune_a.pk,
        "start_date": f"01/01/{w.year}",
        "end_date": f"31/12/{w.year}",
        "goal_money": "4,5 tỷ",
    }


def _distribution(w: Any) -> dict[str, Any]:
    return {
        "item_kind": ItemKind.objects.get(code="hoc_bong").pk,
        "groups": [BeneficiaryGroup.objects.get(code="ho_ngheo").pk],
        "unit": w.commune_a.pk,
        "quantity": "126",
        "value": "trên 1 tỷ đồng",
        "distributed_on": w.today.isoformat(),
        "funding_source": "campaign",
    }


def _contribution(w: Any) -> dict[str, Any]:
    return {
        "kind": "money",
        "donor_type": "enterprise",
        "donor_name": "Công ty Thủy sản Sóc Trăng",
        "amount": "15 triệu",
        "received_on": w.today.isoformat(),
    }


PAGES = {
    "campaigns:index": Page(get=SIGNED_IN),
    "campaigns:stats": Page(get=SIGNED_IN),
    "campaigns:create": Page(get=WRITERS_HERE, post=CREATE_IN_A, body=_campaign),
    "campaigns:detail": Page(get=OF_A, params={"pk": "campaign"}),
    "campaigns:contribution_new": Page(get=OF_A, post=OF_A, body=_contribution, params={"pk": "campaign"}),
    "campaigns:distribution_new": Page(get=OF_A, post=OF_A, body=_distribution, params={"pk": "campaign"}),
    "campaigns:beneficiaries": Page(
        get=OF_A,
        post=OF_A,
        body=lambda w: {"lines": "Nguyễn Văn An; Khóm 1; 1958\nLê Thị Bé; Khóm 2"},
        params={"pk": "campaign"},
    ),
}


def _if_match(w: Any) -> dict[str, str]:
    return {"If-Match": f'"{w.campaign.pk}-{w.campaign.version}"'}


OPERATIONS = {
    "GET /api/v1/campaigns": Operation(SIGNED_IN, lists={"campaign": OF_A}),
    "GET /api/v1/campaigns/catalog": Operation(SIGNED_IN),
    "GET /api/v1/campaigns/stats": Operation(OF_A, query="?unit=31510&period=2026"),
    "GET /api/v1/campaigns/{campaign_id}": Operation(OF_A),
    "GET /api/v1/campaigns/{campaign_id}/contributions": Operation(OF_A),
    "GET /api/v1/campaigns/{campaign_id}/distributions": Operation(OF_A),
    "POST /api/v1/campaigns": Operation(
        "login ok 404 ok 404 ok ok",
        body=lambda w: {
            "name": "Quỹ học bổng vì em đến trường",
            "unit": w.commune_a.code,
            "start_date": f"{w.year}-01-01",
            "end_date": f"{w.year}-12-31",
            "goal_money": "4,5 tỷ",
        },
    ),
    "PATCH /api/v1/campaigns/{campaign_id}": Operation(
        OF_A, body=lambda w: {"name": "Tết vì người nghèo và nạn nhân chất độc da cam"}, headers=_if_match
    ),
    "POST /api/v1/campaigns/{campaign_id}/contributions": Operation(
        OF_A,
        body=lambda w: {
            "kind": "money",
            "donor_type": "anonymous",
            "amount": 5_000_000,
            "received_on": w.today.isoformat(),
        },
    ),
    "POST /api/v1/campaigns/{campaign_id}/distributions": Operation(
        OF_A,
        body=lambda w: {
            "item_kind": "suat_qua",
            "groups": ["ho_can_ngheo"],
            "quantity": 20,
            "value": 10_000_000,
            "distributed_on": w.today.isoformat(),
        },
    ),
}
