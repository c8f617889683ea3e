"""Importing registrations from Excel: good rows, row-level errors, keep-valid-only, one audit event."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.errors import DomainError
from danvan.practices.models import Kind, Practice, Status, StatusChange
from danvan.practices.services.imports import IMPORT_COLUMNS, practices_import
from danvan.practices.tests.conftest import make_org

IMPORT = "/dan-van-kheo/nhap-excel/"


def workbook(rows, header=None):
    book = Workbook()
    sheet = book.active
    sheet.append(header or list(IMPORT_COLUMNS.values()))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row(**values):
    defaults = {"unit": "31510", "year": 2026, "field": "Kinh tế", "kind": "Mô hình", "name": "Mô hình mẫu"}
    merged = defaults | values
    return [merged.get(key) for key in IMPORT_COLUMNS]


def upload(client, data, keep=False):
    payload = {"file": SimpleUploadedFile("dang-ky.xlsx", data)}
    if keep:
        payload["keep_valid_only"] = "on"
    return client.post(IMPORT, payload)


GOOD = [
    row(
        name="Tổ tự quản đường hoa",
        budget="15 triệu",
        workdays=120,
        start_date=dt.date(2026, 3, 1),
        evaluation_date="15/11/2026",
    ),
    row(name="Bếp ăn tình thương", field="van-hoa-xa-hoi", budget=4_500_000, goals="Bữa cơm 0 đồng"),
    row(
        name="Tập thể Mặt trận tiêu biểu",
        kind="Điển hình tập thể",
        organization="ủy ban mttq việt nam phường sóc trăng",
    ),
]

BAD = [
    row(unit="99999"),
    row(unit="31528"),  # commune B: outside reporter A's subtree
    row(unit=None),
    row(year="năm nay"),
    row(year=1990),
    row(field="Y tế"),
    row(kind="Phong trào"),
    row(kind="Điển hình cá nhân"),
    row(budget="nhiều tiền"),
    row(workdays=-5),
    row(start_date="31/02/2026"),
    row(name=None),
]


@pytest.fixture
def front(tree):
    return make_org(tree.commune_a, "Ủy ban MTTQ Việt Nam phường Sóc Trăng")


def test_template_download_has_the_columns(personas, client_for):
    response = client_for(personas.reporter_a).get(IMPORT + "mau.xlsx")
    header = next(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert list(header) == list(IMPORT_COLUMNS.values())


def test_good_file_registers_every_row_with_one_audit_event(personas, client_for, front):
    page = upload(client_for(personas.reporter_a), workbook(GOOD))
    assert page.status_code == 200 and "Đã nhập 3 mô hình, điển hình." in page.text
    first, second, third = Practice.objects.order_by("pk")
    assert (
        first.budget == 15_000_000
        and first.workdays == 120
        and first.evaluation_date == dt.date(2026, 11, 15)
    )
    assert second.field.code == "van-hoa-xa-hoi" and second.goals == "Bữa cơm 0 đồng"
    assert third.kind == Kind.EXEMPLAR and third.organization == front and third.body_type == "org:mttq"
    assert {p.status for p in (first, second, third)} == {Status.REGISTERED}
    assert first.search_text and first.sort_key and first.level == "commune"
    assert StatusChange.objects.count() == 3
    events = AuditEvent.objects.filter(action="practice.import")
    assert events.count() == 1 and AuditEvent.objects.count() == 1
    assert events.get().changes["created"] == 3


def test_twelve_bad_rows_save_nothing_and_are_listed(personas, client_for, front, unchanged):
    with unchanged():
        page = upload(client_for(personas.reporter_a), workbook(GOOD + BAD))
    assert page.status_code == 422
    problem = page.context["problem"]
    assert problem.code == "import_invalid_rows" and len(problem.errors["rows"]) == 12
    text = page.text
    for expected in (
        "Dòng 5: không có đơn vị mã «99999»",
        "Dòng 6: không có đơn vị mã «31528»",
        "Dòng 7: thiếu mã đơn vị",
        "Dòng 8: Năm «năm nay» không phải là số",
        "Dòng 9: Năm phải là số nguyên từ 2000",
        "Dòng 10: lĩnh vực «Y tế» không có trong danh mục",
        "Dòng 11: cột Loại ghi «Mô hình» hoặc «Điển hình tập thể»",
        "Dòng 12: điển hình cá nhân cần chọn người trên trang đăng ký",
        "Dòng 13: kinh phí: Không hiểu số tiền «nhiều tiền»",
        "Dòng 14: Ngày công phải là số nguyên từ 0",
        "Dòng 15: Không hiểu ngày «31/02/2026»",
        "Dòng 16: Tên mô hình, điển hình: Cần nhập tên mô hình, điển hình.",
    ):
        assert expected in text, expected


def test_keep_valid_only_saves_the_good_rows_and_lists_the_rest(personas, client_for, front):
    page = upload(client_for(personas.reporter_a), workbook(BAD[:2] + GOOD), keep=True)
    assert page.status_code == 200
    assert "Đã nhập 3 mô hình, điển hình." in page.text and "Bỏ qua 2 dòng lỗi" in page.text
    assert "Dòng 2: không có đơn vị mã «99999»" in page.text
    assert Practice.objects.count() == 3
    event = AuditEvent.objects.get(action="practice.import")
    assert event.changes == {"created": 3, "skipped_rows": 2}


def test_keep_valid_only_with_no_valid_row_saves_nothing(personas, unchanged):
    with unchanged():
        report = practices_import(
            actor=personas.reporter_a,
            scope=scope_for(personas.reporter_a),
            data=workbook(BAD),
            keep_valid_only=True,
        )
    assert report.created == [] and len(report.errors) == 12


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"not an excel file at all", "not_excel"),
        (workbook([["31510"]], header=["Mã", "Tên"]), "import_wrong_columns"),
        (workbook([]), "import_empty"),
    ],
)
def test_wrong_files_are_refused(personas, data, code, unchanged):
    with unchanged(), pytest.raises(DomainError) as err:
        practices_import(
            actor=personas.reporter_a, scope=scope_for(personas.reporter_a), data=data, keep_valid_only=True
        )
    assert err.value.code == code


def test_province_approver_imports_for_its_communes(personas, client_for, tree):
    rows = [
        row(unit="31510", name="Ở phường A"),
        row(unit="31528", name="Ở phường B"),
        row(unit="01273", name="Ở Cao Bằng"),
    ]
    page = upload(client_for(personas.approver), workbook(rows), keep=True)
    assert "Đã nhập 2 mô hình, điển hình." in page.text and "Dòng 4: không có đơn vị mã «01273»" in page.text
    assert AuditEvent.objects.get(action="practice.import").unit == tree.province


def test_viewers_cannot_import(tree, client_for, unchanged):
    from danvan.accounts.models import Role
    from danvan.accounts.tests.factories import user_with_grant

    viewer = user_with_grant("xem_a", Role.VIEWER, tree.commune_a)
    with unchanged():
        assert upload(client_for(viewer), workbook(GOOD)).status_code == 404
        assert client_for(viewer).get(IMPORT + "mau.xlsx").status_code == 404
