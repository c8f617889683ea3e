"""The reporting flow through /api/v1 with bearer tokens: the commune reporter finds the report
with the figures the system knows, fills the rest, submits; the province approver returns one
value, the reporter fixes it, it is approved, and the rollups and completeness change at once."""

from typing import Any

import pytest
from django.test import Client

from danvan.practices.tests.test_flow_api import bearer
from danvan.reporting.models import Submission, Value

pytestmark = pytest.mark.django_db


def _values(body: dict[str, Any]) -> dict[str, Any]:
    return {(v["indicator"] + ("__" + v["category"] if v["category"] else "")): v for v in body["values"]}


def test_report_due_filled_submitted_returned_fixed_approved_and_counted(
    personas: Any, tree: Any, password: str
) -> None:
    reporter = bearer(personas.reporter_a.username, password)
    approver = bearer(personas.approver.username, password)
    admin = bearer(personas.admin.username, password)

    def rollup(client: Client, **query: str) -> dict[str, Any]:
        response = client.get(
            "/api/v1/rollups", {"indicator": "propaganda_sessions", "period": "2026-Q3", **query}
        )
        assert response.status_code == 200, response.content
        return response.json()

    assert rollup(approver, unit="92", by="children")["unit"]["value"] is None
    completeness = approver.get(
        "/api/v1/completeness", {"form": "dv-xa-thang", "period": "2026-M08", "unit": "92"}
    )
    assert completeness.json()["unit"] | {} == completeness.json()["unit"]
    assert completeness.json()["unit"]["expected"] == 2 and completeness.json()["unit"]["submitted"] == 0

    opened = reporter.post(
        "/api/v1/submissions",
        {"form": "dv-xa-thang", "unit": "31510", "period": "2026-M08"},
        content_type="application/json",
    )
    assert opened.status_code == 201, opened.content
    again = reporter.post(
        "/api/v1/submissions",
        {"form": "dv-xa-thang", "unit": "31510", "period": "2026-M08"},
        content_type="application/json",
    )
    assert again.status_code == 200 and again.json()["id"] == opened.json()["id"]
    assert Submission.objects.count() == 1
    sid, etag = opened.json()["id"], opened["ETag"]
    assert (
        _values(opened.json())["dvk_registered__mo_hinh"]["computed"] is not None
    )  # the system's own figure

    bad = reporter.put(
        f"/api/v1/submissions/{sid}/values",
        {
            "values": [
                {"indicator": "propaganda_sessions", "value": "4", "reason": "Số liệu thực tế"},
                {"indicator": "dialogue_opinions", "value": "-2", "reason": "Số liệu thực tế"},
            ]
        },
        content_type="application/json",
        HTTP_IF_MATCH=etag,
    )
    assert bad.status_code == 422 and "dialogue_opinions" in bad.json()["errors"]
    assert Value.objects.get(indicator__code="propaganda_sessions").number is None  # nothing half-saved

    filled = reporter.put(
        f"/api/v1/submissions/{sid}/values",
        {
            "values": [
                {"indicator": "propaganda_sessions", "value": "4", "reason": "Số liệu thực tế"},
                {"indicator": "dialogue_opinions", "value": "1.250", "reason": "Số liệu thực tế"},
                {"indicator": "dialogue_answered", "value": 1200, "reason": "Số liệu thực tế"},
                {"indicator": "gifts_value", "value": "4,5 tỷ", "reason": "Số liệu thực tế"},
            ]
        },
        content_type="application/json",
        HTTP_IF_MATCH=etag,
    )
    assert filled.status_code == 200, filled.content
    got = _values(filled.json())
    assert (
        got["dialogue_opinions"]["value"] == "1250.0000" or float(got["dialogue_opinions"]["value"]) == 1250
    )
    assert float(got["gifts_value"]["value"]) == 4_500_000_000
    stale = reporter.put(
        f"/api/v1/submissions/{sid}/values",
        {"values": [{"indicator": "propaganda_sessions", "value": "5", "reason": "Số liệu thực tế"}]},
        content_type="application/json",
        HTTP_IF_MATCH=etag,
    )
    assert stale.status_code == 412

    assert reporter.post(f"/api/v1/submissions/{sid}/submit").status_code == 200
    assert reporter.post(f"/api/v1/submissions/{sid}/submit").json()["status"] == "submitted"  # double submit
    # The reporter cannot approve their own report; nothing changes.
    assert reporter.post(f"/api/v1/submissions/{sid}/approve").status_code == 403
    assert Submission.objects.get().status == "submitted"

    returned = approver.post(
        f"/api/v1/submissions/{sid}/return",
        {"values": [{"indicator": "propaganda_sessions", "comment": "Tháng 8 có 3 cuộc, kiểm tra lại."}]},
        content_type="application/json",
    )
    assert returned.status_code == 200 and returned.json()["status"] == "returned"
    after = _values(returned.json())
    assert after["propaganda_sessions"]["returned"] and not after["dialogue_opinions"]["returned"]
    locked = reporter.put(
        f"/api/v1/submissions/{sid}/values",
        {"values": [{"indicator": "dialogue_opinions", "value": "9", "reason": "Số liệu thực tế"}]},
        content_type="application/json",
        HTTP_IF_MATCH=returned["ETag"],
    )
    assert locked.status_code == 422 or locked.status_code == 409
    before = list(Value.objects.order_by("pk").values_list("number", "version"))
    unconditional = reporter.put(
        f"/api/v1/submissions/{sid}/values",
        {"values": [{"indicator": "propaganda_sessions", "value": "3", "reason": "Số liệu thực tế"}]},
        content_type="application/json",
    )
    assert unconditional.status_code == 428 and unconditional.json()["code"] == "precondition_required"
    assert list(Value.objects.order_by("pk").values_list("number", "version")) == before
    fixed = reporter.put(
        f"/api/v1/submissions/{sid}/values",
        {"values": [{"indicator": "propaganda_sessions", "value": "3", "reason": "Số liệu thực tế"}]},
        content_type="application/json",
        HTTP_IF_MATCH=returned["ETag"],
    )
    assert fixed.status_code == 200, fixed.content
    assert reporter.post(f"/api/v1/submissions/{sid}/submit").status_code == 200
    assert approver.post(f"/api/v1/submissions/{sid}/approve").json()["status"] == "approved"

    province = rollup(approver, unit="92", by="children")
    assert float(province["unit"]["value"]) == 3
    assert {c["code"]: c["value"] and float(c["value"]) for c in province["children"]} == {
        "31510": 3,
        "31528": None,
    }
    assert province["as_of"] is not None
    nation = rollup(admin, by="children")
    assert float(nation["unit"]["value"]) == 3
    rate = admin.get("/api/v1/rollups", {"indicator": "dialogue_answered_rate", "period": "2026-M08"}).json()
    assert float(rate["unit"]["value"]) == 96.0
    done = approver.get(
        "/api/v1/completeness", {"form": "dv-xa-thang", "period": "2026-M08", "unit": "92", "by": "children"}
    ).json()
    assert done["unit"]["expected"] == 2 and done["unit"]["submitted"] == 1 and done["unit"]["rate"] == 50.0
    assert {c["code"]: c["submitted"] for c in done["children"]} == {"31510": 1, "31528": 0}


def test_refusals_change_nothing(personas: Any, tree: Any, password: str) -> None:
    reporter_b = bearer(personas.reporter_b.username, password)
    other = bearer(personas.other_approver.username, password)
    reporter_a = bearer(personas.reporter_a.username, password)
    # B cannot open A's report.
    refused = reporter_b.post(
        "/api/v1/submissions",
        {"form": "dv-xa-thang", "unit": "31510", "period": "2026-M08"},
        content_type="application/json",
    )
    assert refused.status_code == 403 and Submission.objects.count() == 0
    sid = reporter_a.post(
        "/api/v1/submissions",
        {"form": "dv-xa-thang", "unit": "31510", "period": "2026-M08"},
        content_type="application/json",
    ).json()["id"]
    before = list(Value.objects.values_list("pk", "number", "version"))
    for client in (reporter_b, other):
        assert client.get(f"/api/v1/submissions/{sid}").status_code == 404
        put = client.put(
            f"/api/v1/submissions/{sid}/values",
            {"values": [{"indicator": "propaganda_sessions", "value": 1, "reason": "Số liệu thực tế"}]},
            content_type="application/json",
        )
        assert put.status_code == 404
        assert client.post(f"/api/v1/submissions/{sid}/approve").status_code == 404
    assert (
        other.get(
            "/api/v1/rollups", {"indicator": "propaganda_sessions", "period": "2026", "unit": "92"}
        ).status_code
        == 404
    )
    assert (
        reporter_a.get("/api/v1/rollups", {"indicator": "propaganda_sessions", "period": "2026"}).status_code
        == 403
    )
    bad_period = reporter_a.get(
        "/api/v1/rollups", {"indicator": "propaganda_sessions", "period": "2026-Q5", "unit": "31510"}
    )
    assert bad_period.status_code == 422 and "Kỳ" in bad_period.json()["detail"]
    assert list(Value.objects.values_list("pk", "number", "version")) == before
    assert Submission.objects.get().status == "draft"
