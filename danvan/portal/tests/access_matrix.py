"""The authorization matrix of the portal (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin

The world's post belongs to commune A and is published; a published post is edited or withdrawn
by approvers of its unit, a draft by its reporters too (portal/services/posts.py).
"""

from typing import Any

from danvan.core.tests.authz.spec import OF_A, PUBLIC, SIGNED_IN, Operation, Page
from danvan.portal.forms import form_started_token

GET_ONLY = "405 405 405 405 405 405 405"


def _post(w: Any) -> dict[str, Any]:
    return {
        "unit": w.commune_a.pk,
        "category": w.category.pk,
        "title": "Phường Sóc Trăng ra mắt mô hình mới",
        "summary": "",
        "body": "Sáng nay, phường ra mắt mô hình tổ tự quản đường hoa với sự tham gia của 120 hộ dân.",
        "author_line": "Ban Xây dựng Đảng",
        "tags": "Dân vận khéo",
        "cover_alt": "",
        "version": w.post.version,
    }


PAGES = {
    "portal:index": Page(get=PUBLIC, post=GET_ONLY),
    "portal:news": Page(get=PUBLIC, post=GET_ONLY),
    "portal:category": Page(get=PUBLIC, post=GET_ONLY, params={"slug": "category.slug"}),
    "portal:tag": Page(get=PUBLIC, post=GET_ONLY, params={"slug": "tag.slug"}),
    "portal:detail": Page(get=PUBLIC, post=GET_ONLY, params={"slug": "post.slug"}),
    "portal:cover": Page(get=PUBLIC, post=GET_ONLY, params={"slug": "post.slug"}),
    "portal:comment": Page(
        get=GET_ONLY,
        post=PUBLIC,
        body=lambda w: {
            "name": "Trần Thị Bình",
            "body": "Rất hay.",
            "website": "",
            "started": form_started_token(),
        },
        params={"slug": "post.slug"},
        note="anyone may comment on a published post; comments wait for moderation",
    ),
    "portal:feed": Page(get=PUBLIC),
    "portal:sitemap": Page(get=PUBLIC),
    "portal:api_docs": Page(get=PUBLIC, post=GET_ONLY),
    "portal:manage": Page(get=SIGNED_IN),
    "portal:new": Page(
        get="login ok ok ok ok ok ok",
        post="login ok noop noop noop noop noop",
        body=_post,
        note="the unit list offers the units one holds grants on (not their subtrees): commune A is "
        "reporter A's alone; the system admin is offered the provinces",
    ),
    "portal:edit": Page(
        get=OF_A,
        post="login noop 404 ok 404 ok ok",
        body=_post,
        params={"pk": "post"},
        note="a published post is edited by approvers; reporter A is shown the form again, nothing saved",
    ),
    "portal:step": Page(
        get="login 405 405 405 405 405 405",
        post="login noop 404 ok 404 ok ok",
        body=lambda w: {"to": "draft"},
        params={"pk": "post"},
        note="withdrawing a published post is an approver's step; a reporter of A is told so, nothing moves",
    ),
    "portal:comments": Page(get=SIGNED_IN),
    "portal:comment_decide": Page(
        get="login 405 405 405 405 405 405",
        post="login 404 404 ok 404 ok ok",
        body=lambda w: {"decision": "approve"},
        params={"pk": "comment"},
    ),
}

OPERATIONS = {
    "GET /api/v1/public/news": Operation(PUBLIC),
    "GET /api/v1/public/news/{slug}": Operation(PUBLIC, params={"slug": "post.slug"}),
}
