"""The authorization matrix of practices (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin

The world: `practice` registered in commune A, `running_practice` in progress and on the
province's evaluation round (chaired and scored by the approver of P alone), `candidate_practice`
in progress, `recognised_practice` recognised and public.
"""

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from danvan.core.tests.authz.spec import OF_A, PUBLIC, SIGNED_IN, Operation, Page
from danvan.core.tests.authz.world import pdf
from danvan.practices.models import CriteriaSet
from danvan.practices.services.imports import IMPORT_COLUMNS

POST_ONLY = "login 405 405 405 405 405 405"
# A page of the current unit: the system admin holds no unit to work in (see the report).
HERE = "login ok ok ok ok ok 404"
APPROVERS_OF_A = "login 403 404 ok 404 ok ok"
# The round of province P: its chair and evaluators (the approver); other users of P see it (403 on
# its steps), reporters of communes and users of other provinces do not.
ROUND_STEP = "login 404 404 ok 404 403 403"


def _registration(w: Any) -> dict[str, Any]:
    return {
        "year": w.year,
        "unit": w.commune_a.pk,
        "kind": "mo_hinh",
        "name": "Tổ tự quản đường hoa khóm 5",
        "field": w.practice_field.pk,
        "problem": "Rác thải ứ đọng",
        "goals": "Khóm sạch, đẹp",
        "start_date": f"{w.year}-03-01",
        "evaluation_date": f"15/11/{w.year}",
        "budget": "15 triệu",
        "version": w.practice.version,
    }


def _import(w: Any) -> dict[str, Any]:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(IMPORT_COLUMNS.values()))
    values = {
        "unit": w.commune_a.code,
        "year": w.year,
        "field": "Kinh tế",
        "kind": "Mô hình",
        "name": "Bếp ăn 0 đồng",
    }
    sheet.append([values.get(key) for key in IMPORT_COLUMNS])
    data = io.BytesIO()
    book.save(data)
    return {"file": SimpleUploadedFile("dang-ky.xlsx", data.getvalue())}


def _scores(w: Any) -> dict[str, Any]:
    item = w.round_item
    return {f"item{item.pk}-c{c.pk}": "8" for c in w.evaluation_round.criteria_set.criteria.all()}


PAGES = {
    "practices:index": Page(get=SIGNED_IN),
    "practices:export": Page(
        get="login 302 302 302 302 302 302", note="the old address: to the list's ?xuat=xlsx"
    ),
    "practices:similar": Page(get=SIGNED_IN),
    "practices:stats": Page(get=SIGNED_IN),
    "practices:stats_export": Page(
        get="login 302 302 302 302 302 302", note="the old address: to the statistics page's ?xuat=xlsx"
    ),
    "practices:import_template": Page(get=HERE),
    "practices:register": Page(
        get=HERE,
        post="login ok noop ok noop ok 404",
        body=_registration,
        note="the unit list offers one's own subtree: commune A is not reporter B's nor Q's",
    ),
    "practices:import": Page(
        get=HERE,
        post="login ok 422 ok 422 ok 404",
        body=_import,
        note="a row of commune A is refused to reporter B and to Q: the whole file is refused",
    ),
    "practices:detail": Page(get=OF_A, params={"pk": "practice"}),
    "practices:edit": Page(get=OF_A, post=OF_A, body=_registration, params={"pk": "practice"}),
    "practices:transition": Page(
        get="405 405 405 405 405 405 405",
        post=OF_A,
        body=lambda w: {"to": "in_progress"},
        params={"pk": "practice"},
    ),
    "practices:progress": Page(
        get=OF_A,
        post=OF_A,
        body=lambda w: {
            "on_date": w.today.isoformat(),
            "summary": "Ra quân làm sạch tuyến đường.",
            "beneficiaries": "480",
            "money_raised": "15 triệu",
            "evidence": [pdf()],
        },
        params={"pk": "running_practice"},
    ),
    "practices:attachment": Page(
        get="404 ok 404 ok 404 ok ok",
        post="404 ok 404 ok 404 ok ok",
        params={"pk": "attachment"},
        note="the file of a practice that is not public: 404 to whoever may not read it",
    ),
    "practices:commend": Page(
        get="405 405 405 405 405 405 405",
        post=APPROVERS_OF_A,
        body=lambda w: {
            "form": "giay_khen",
            "issuer": "UBND thành phố Cần Thơ",
            "decision_number": "125-QĐ/UBND",
            "decision_date": w.today.isoformat(),
            "recipients": "Tổ tự quản khóm 3",
        },
        params={"pk": "recognised_practice"},
    ),
    "practices:publish": Page(
        get="405 405 405 405 405 405 405",
        post=APPROVERS_OF_A,
        body=lambda w: {},
        params={"pk": "recognised_practice"},
        note="withdraws the practice from the public showcase",
    ),
    "practices:adopt": Page(
        get="405 405 405 405 405 405 405",
        post="login noop ok ok ok ok 404",
        body=lambda w: {"name": ""},
        params={"pk": "recognised_practice"},
        note="a recognised, public model is replicated into one's own current unit, never into its own unit",
    ),
    "practices:showcase": Page(get=PUBLIC),
    "practices:showcase_detail": Page(get=PUBLIC, params={"pk": "recognised_practice"}),
    "practices:rounds": Page(get=SIGNED_IN),
    "practices:round_new": Page(
        get="login 404 404 ok ok ok 404",
        post="login 404 404 ok noop ok 404",
        body=lambda w: {
            "title": "Bình xét năm",
            "year": w.year,
            "criteria_set": CriteriaSet.objects.get(province=None, year=None).pk,
            "evaluators": [w.approver.pk],
        },
        note="approvers open rounds of their current unit; the approver of P is no evaluator in Q",
    ),
    "practices:round": Page(get="login 404 404 ok 404 ok ok", params={"pk": "evaluation_round"}),
    "practices:round_add": Page(
        get=ROUND_STEP,
        post=ROUND_STEP,
        body=lambda w: {"practices": [w.candidate_practice.pk]},
        params={"pk": "evaluation_round"},
    ),
    "practices:round_scoring": Page(get=ROUND_STEP, params={"pk": "evaluation_round"}),
    "practices:round_score": Page(
        get="405 405 405 405 405 405 405",
        post=ROUND_STEP,
        body=_scores,
        params={"pk": "evaluation_round", "item_id": "round_item"},
    ),
    "practices:round_decision": Page(
        get="405 405 405 405 405 405 405",
        post=ROUND_STEP,
        body=lambda w: {f"decide{w.round_item.pk}-decision": "recognized"},
        params={"pk": "evaluation_round", "item_id": "round_item"},
    ),
    "practices:round_finish": Page(
        get="405 405 405 405 405 405 405",
        post=ROUND_STEP,
        body=lambda w: {},
        params={"pk": "evaluation_round"},
    ),
}


def _if_match(w: Any) -> dict[str, str]:
    return {"If-Match": f'"{w.practice.pk}-{w.practice.version}"'}


OPERATIONS = {
    "GET /api/v1/practices": Operation(
        SIGNED_IN,
        lists={"practice": OF_A, "legacy_practice": OF_A},
        note="the old ward merged into commune A is read as A's history",
    ),
    "GET /api/v1/practices/stats": Operation(OF_A, query="?unit=31510&year=2026"),
    "POST /api/v1/practices": Operation(
        "login ok 404 ok 404 ok ok",
        body=lambda w: {
            "unit": w.commune_a.code,
            "year": w.year,
            "field": "kinh-te",
            "name": "Tổ tự quản đường hoa khóm 5",
        },
    ),
    "GET /api/v1/practices/{practice_id}": Operation(OF_A),
    "PATCH /api/v1/practices/{practice_id}": Operation(
        OF_A, body=lambda w: {"goals": "Khóm sạch, đẹp, an toàn"}, headers=_if_match
    ),
    "POST /api/v1/practices/{practice_id}/transitions": Operation(OF_A, body=lambda w: {"to": "in_progress"}),
}
