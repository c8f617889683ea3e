"""The authorization matrix of meetings (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin
"""

import datetime as dt
from typing import Any

from danvan.core.tests.authz.spec import OF_A, PUBLIC, Operation, Page

# A page of the current unit: the system admin holds no unit to work in (see the report).
HERE = "login ok ok ok ok ok 404"
# A form of the current unit naming commune A's bodies: saved where A lies in the unit (A, P);
# shown again with errors in commune B and province Q.
A_BODIES_HERE = "login ok noop ok noop ok 404"
POST_ONLY = "login 405 405 405 405 405 405"


def _later(w: Any, days: int) -> str:
    return (w.today + dt.timedelta(days=days)).isoformat()


def _meeting(w: Any) -> dict[str, Any]:
    return {
        "kind": "giao_ban",
        "title": "Giao ban công tác dân vận tháng",
        "starts_at": f"{_later(w, 3)}T08:00",
        "organizers": [w.party_a.pk, w.front_a.pk],
    }


def _task(w: Any) -> dict[str, Any]:
    return {"title": "Vận động hộ dân phân loại rác", "owner": w.women_a.pk, "deadline": _later(w, 20)}


PAGES = {
    "meetings:index": Page(get=HERE),
    "meetings:calendar": Page(get=HERE),
    "meetings:ics": Page(get=HERE),
    "meetings:stats": Page(get=HERE),
    "meetings:tasks": Page(get=HERE),
    "meetings:create": Page(get=HERE, post=A_BODIES_HERE, body=_meeting),
    "meetings:detail": Page(get=OF_A, params={"pk": "meeting"}),
    "meetings:attendee_add": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {"name": "Lê Văn Tám", "title": "Trưởng khóm 3"},
        params={"pk": "meeting"},
    ),
    "meetings:hold": Page(
        get=POST_ONLY, post=OF_A, body=lambda w: {"other_attendees": "40"}, params={"pk": "meeting"}
    ),
    "meetings:cancel": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {"reason": "Trùng lịch tiếp công dân"},
        params={"pk": "meeting"},
    ),
    "meetings:close": Page(
        get=OF_A,
        post=OF_A,
        body=lambda w: {
            "conclusions": "Giao UBND phường sửa đèn đường khóm 3.",
            "tasks-TOTAL_FORMS": "0",
            "tasks-INITIAL_FORMS": "0",
        },
        params={"pk": "meeting"},
    ),
    "meetings:question_add": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {"source": "on_the_day", "content": "Đề nghị nạo vét kênh thủy lợi khóm 3."},
        params={"pk": "meeting"},
    ),
    "meetings:question_answer": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {"state": "on_the_spot", "answer": "Phường đã bố trí kinh phí thay đèn."},
        params={"pk": "meeting"},
    ),
    "meetings:task": Page(
        get=OF_A,
        post=OF_A,
        body=lambda w: {"progress": "60", "note": "Đã thay 5 bóng đèn."},
        params={"pk": "task"},
    ),
    "meetings:task_child": Page(get=POST_ONLY, post=OF_A, body=_task, params={"pk": "task"}),
    "meetings:task_cancel": Page(
        get=POST_ONLY, post=OF_A, body=lambda w: {"reason": "Đã gộp vào kế hoạch khác"}, params={"pk": "task"}
    ),
    "meetings:evidence": Page(get=OF_A, params={"pk": "task_update"}),
    "meetings:assigned": Page(get=OF_A, params={"organization_id": "women_a"}),
    "meetings:directives": Page(
        get=HERE,
        post=A_BODIES_HERE,
        body=lambda w: {
            "issuer": w.party_a.pk,
            "style": "party",
            "kind": "plan",
            "type_code": "KH",
            "issuer_code": "ĐU",
            "issued_on": w.today.isoformat(),
            "title": "Kế hoạch tổ chức đối thoại năm",
        },
    ),
    "meetings:directive": Page(get=OF_A, params={"pk": "directive"}),
    "meetings:directive_task": Page(get=POST_ONLY, post=OF_A, body=_task, params={"pk": "directive"}),
    "meetings:supervisions": Page(
        get=HERE,
        post=A_BODIES_HERE,
        body=lambda w: {
            "kind": "critique",
            "organization": w.front_a.pk,
            "subject": "Dự thảo quy chế văn hóa khóm",
            "supervised_name": "UBND phường Sóc Trăng",
            "starts_on": w.today.isoformat(),
            "ends_on": w.today.isoformat(),
        },
    ),
    "meetings:supervision": Page(get=OF_A, params={"pk": "supervision"}),
    "meetings:recommendation_answer": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {
            "answer": "Đã niêm yết danh sách.",
            "answered_on": w.today.isoformat(),
            "acceptance": "accepted",
        },
        params={"pk": "supervision"},
    ),
    "meetings:reception": Page(
        get=HERE,
        post=A_BODIES_HERE,
        body=lambda w: {
            "head": w.person.pk,
            "head_title": "Bí thư Đảng ủy",
            "organization": w.party_a.pk,
            "published_time": "Sáng thứ Ba hằng tuần",
            "place": "Trụ sở Đảng ủy",
        },
    ),
    "meetings:session_plan": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {"day": _later(w, 14), "starts": "08:00", "ends": "11:00"},
        params={"schedule_id": "reception_schedule"},
    ),
    "meetings:session_record": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {"citizens": "12", "summary": "Công dân hỏi về đất đai, đèn đường."},
        params={"session_id": "reception_session"},
    ),
    "meetings:public_reception": Page(get=PUBLIC),
    "meetings:theme": Page(
        get=POST_ONLY,
        post="login ok ok ok ok ok 404",
        body=lambda w: {"year": w.year, "kind": "theme", "text": "Năm dân vận chính quyền"},
        note="each writer sets the theme of their own current unit",
    ),
}


OPERATIONS = {
    "GET /api/v1/meetings": Operation("login ok ok ok ok ok ok", lists={"meeting": OF_A}),
    "GET /api/v1/meetings/stats": Operation(OF_A, query="?unit=31510&period=2026"),
    "GET /api/v1/meetings/{meeting_id}": Operation(OF_A),
    "POST /api/v1/meetings": Operation(
        "login ok 404 ok 404 ok ok",
        body=lambda w: {
            "unit": w.commune_a.code,
            "kind": "giao_ban",
            "title": "Giao ban tháng",
            "starts_at": f"{_later(w, 3)}T08:00:00+07:00",
            "organizer_ids": [w.party_a.pk],
        },
    ),
    "POST /api/v1/meetings/{meeting_id}/attendees": Operation(
        OF_A, body=lambda w: {"name": "Lê Văn Tám", "title": "Trưởng khóm 3"}
    ),
    "POST /api/v1/meetings/{meeting_id}/hold": Operation(OF_A, body=lambda w: {"other_attendees": 40}),
    "POST /api/v1/meetings/{meeting_id}/close": Operation(
        OF_A, body=lambda w: {"conclusions": "Giao UBND phường sửa đèn đường khóm 3."}
    ),
    "POST /api/v1/meetings/{meeting_id}/questions": Operation(
        OF_A, body=lambda w: {"source": "people", "content": "Đề nghị nạo vét kênh thủy lợi."}
    ),
    "POST /api/v1/meetings/{meeting_id}/questions/{question_id}/answer": Operation(
        OF_A, body=lambda w: {"state": "on_the_spot", "answer": "Phường đã bố trí kinh phí."}
    ),
    "GET /api/v1/tasks": Operation("login ok ok ok ok ok ok", lists={"task": OF_A}),
    "GET /api/v1/tasks/{task_id}": Operation(OF_A),
    "POST /api/v1/tasks/{task_id}/progress": Operation(
        OF_A, body=lambda w: {"progress": 60, "note": "Đã thay đèn."}
    ),
    "GET /api/v1/directives": Operation("login ok ok ok ok ok ok", lists={"directive": OF_A}),
    "GET /api/v1/directives/{directive_id}": Operation(OF_A),
    "POST /api/v1/directives": Operation(
        "login ok 404 ok 404 ok ok",
        body=lambda w: {
            "issuer_id": w.party_a.pk,
            "style": "party",
            "type_code": "KH",
            "issuer_code": "ĐU",
            "issued_on": w.today.isoformat(),
            "title": "Kế hoạch tổ chức đối thoại năm",
        },
    ),
    "GET /api/v1/supervisions": Operation("login ok ok ok ok ok ok", lists={"supervision": OF_A}),
    "GET /api/v1/supervisions/{supervision_id}": Operation(OF_A),
    "POST /api/v1/supervisions": Operation(
        "login ok 404 ok 404 ok ok",
        body=lambda w: {
            "kind": "critique",
            "organization_id": w.front_a.pk,
            "subject": "Dự thảo quy chế",
            "supervised_name": "UBND phường",
            "starts_on": w.today.isoformat(),
            "ends_on": w.today.isoformat(),
        },
    ),
    "POST /api/v1/supervisions/{supervision_id}/recommendations/{recommendation_id}/answer": Operation(
        OF_A,
        body=lambda w: {
            "answer": "Đã niêm yết danh sách.",
            "answered_on": w.today.isoformat(),
            "acceptance": "accepted",
        },
    ),
    "GET /api/v1/public/reception-sessions": Operation(PUBLIC),
}
