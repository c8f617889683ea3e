"""The authorization matrix of petitions (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin

The world holds two items of commune A: `petition` (a report, just received) and `denunciation`
(accepted by the approver of P and assigned to reporter A). Reading: grants covering the unit;
handling (answers, files): reporters and above there and the assigned handlers; leading (accept,
route, close, ...): approvers and above; a denouncer's identity: the assigned handlers alone, not
even the system admin (petitions/access.py).
"""

from danvan.core.tests.authz.spec import OF_A, PUBLIC, SIGNED_IN, Operation, Page
from danvan.core.tests.authz.world import pdf, png
from danvan.petitions.models import Topic

CONTENT = "Đèn chiếu sáng trên đường Lê Lợi, khóm 3 bị hỏng đã hai tuần, buổi tối rất tối."
LEADERS_OF_A = "login 403 404 ok 404 ok ok"
POST_ONLY = "login 405 405 405 405 405 405"


def _topic() -> int:
    return Topic.objects.get(code="ha-tang").pk


PAGES = {
    "petitions:index": Page(get=SIGNED_IN),
    "petitions:export": Page(
        get="login 302 302 302 302 302 302", note="the old address: to the list's ?xuat=xlsx"
    ),
    "petitions:deadlines": Page(get=SIGNED_IN),
    "petitions:stats": Page(get=SIGNED_IN),
    "petitions:similar": Page(get=SIGNED_IN),
    "petitions:new": Page(
        get="login ok ok ok ok ok 404",
        post="login ok noop ok noop ok 404",
        body=lambda w: {
            "channel": "hotline",
            "kind": "recommendation",
            "topic": _topic(),
            "unit": w.commune_a.pk,
            "content": CONTENT,
        },
        note="the unit list offers one's own subtree; the system admin has no unit to receive in",
    ),
    "petitions:detail": Page(get=OF_A, params={"pk": "petition"}),
    "petitions:step": Page(
        get="405 405 405 405 405 405 405",
        post=LEADERS_OF_A,
        body=lambda w: {"complexity": "normal"},
        params={"pk": "petition", "name": "petition_step"},
        note="accepting (thụ lý) is a leader's step: reporters of the unit are refused with 403",
    ),
    "petitions:answer": Page(
        get=OF_A,
        post=OF_A,
        body=lambda w: {"text": "Đã làm việc với cán bộ địa chính, kèm biên bản.", "attachments": [pdf()]},
        params={"pk": "denunciation"},
    ),
    "petitions:identity": Page(
        get="login ok 404 403 404 403 403",
        post="login ok 404 403 404 403 403",
        body=lambda w: {},
        params={"pk": "denunciation"},
        note="a denouncer's identity: the assigned handler (reporter A) alone; every look is audited",
    ),
    "petitions:duplicate": Page(
        get="405 405 405 405 405 405 405",
        post=OF_A,
        body=lambda w: {"original": w.denunciation.pk},
        params={"pk": "petition"},
    ),
    "petitions:file": Page(
        get="404 ok 404 404 404 404 404",
        post="404 ok 404 404 404 404 404",
        params={"pk": "denunciation_file"},
        note="what a denouncer sent: the assigned handler alone; 404 to anyone else, signed in or not",
    ),
    "petitions:calendar": Page(
        get=SIGNED_IN,
        post="login 403 403 403 403 403 ok",
        body=lambda w: {"date": f"{w.year + 1}-11-24", "kind": "holiday", "name": "Ngày Văn hóa Việt Nam"},
        note="the national holiday calendar: the system admin keeps it",
    ),
    "petitions:calendar_remove": Page(
        get="405 405 405 405 405 405 405",
        post="login 403 403 403 403 403 ok",
        body=lambda w: {},
        params={"pk": "holiday"},
    ),
    "petitions:routing": Page(
        get="login 403 403 403 403 ok ok",
        post="login 403 403 403 403 ok ok",
        body=lambda w: {"unit": w.commune_a.pk, "topic": _topic(), "organization": w.front_a.pk},
        note="routing rules: unit admins and the system admin",
    ),
    "petitions:routing_remove": Page(
        get="405 405 405 405 405 405 405",
        post="login 403 403 403 403 ok ok",
        body=lambda w: {},
        params={"pk": "routing_rule"},
    ),
    "petitions_public:index": Page(
        get=PUBLIC,
        post=PUBLIC,
        body=lambda w: {
            "tinh": "92",
            "kind": "report",
            "topic": _topic(),
            "unit": w.commune_a.pk,
            "content": CONTENT,
            "attachments": [png()],
        },
    ),
    "petitions_public:sent": Page(get="302 302 302 302 302 302 302"),
    "petitions_public:track_form": Page(get=PUBLIC),
    "petitions_public:track": Page(get=PUBLIC, params={"code": "tracking_code"}),
    "petitions_public:file": Page(
        get="404 404 404 404 404 404 404",
        post="404 404 404 404 404 404 404",
        params={"code": "tracking_code", "pk": "petition_file"},
        note="only files of a public answer are public; the citizen's own photo is not",
    ),
    "petitions_public:private": Page(
        get=PUBLIC, post=PUBLIC, params={"code": "tracking_code", "secret": "petition_secret"}
    ),
    "petitions_public:private_step": Page(
        get="405 405 405 405 405 405 405",
        post=PUBLIC,
        body=lambda w: {"reason": "Đã được giải quyết tại chỗ"},
        params={"code": "tracking_code", "secret": "petition_secret", "name": "public_step"},
        note="the private link (code and secret) is the citizen's key, whoever holds it",
    ),
    "petitions_public:stats": Page(get=PUBLIC),
}

OPERATIONS = {
    "GET /api/v1/petitions": Operation(SIGNED_IN, lists={"petition": OF_A, "denunciation": OF_A}),
    "GET /api/v1/petitions/stats": Operation(OF_A, query="?unit=31510&period=2026"),
    "POST /api/v1/petitions": Operation(
        "login ok 404 ok 404 ok ok",
        body=lambda w: {
            "kind": "report",
            "channel": "hotline",
            "topic": "ha-tang",
            "unit": w.commune_a.code,
            "content": CONTENT,
        },
    ),
    "GET /api/v1/petitions/{petition_id}": Operation(OF_A),
    "GET /api/v1/petitions/{petition_id}/identity": Operation(
        "login ok 404 403 404 403 403", params={"petition_id": "denunciation"}
    ),
    "POST /api/v1/petitions/{petition_id}/transitions": Operation(
        LEADERS_OF_A, body=lambda w: {"action": "accept", "complexity": "normal"}
    ),
    "POST /api/v1/petitions/{petition_id}/files": Operation(
        OF_A, body=lambda w: {"files": [pdf()]}, multipart=True, params={"petition_id": "denunciation"}
    ),
    "POST /api/v1/petitions/{petition_id}/answers": Operation(
        OF_A,
        body=lambda w: {"text": "Đã làm việc với cán bộ địa chính.", "evidence_ids": [w.evidence.pk]},
        params={"petition_id": "denunciation"},
    ),
    "GET /api/v1/petitions/{petition_id}/answers": Operation(OF_A),
    "POST /api/v1/public/petitions": Operation(
        PUBLIC,
        body=lambda w: {"kind": "report", "topic": "ha-tang", "unit": w.commune_a.code, "content": CONTENT},
    ),
    "GET /api/v1/public/petitions/{tracking_code}": Operation(
        PUBLIC, params={"tracking_code": "tracking_code"}
    ),
}
