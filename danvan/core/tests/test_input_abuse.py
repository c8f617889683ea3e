"""Cross-cutting abuse guards: oversized bodies refused unread (413), formula injection in
exported cells, markup and SQL-looking input treated as plain text."""

import io

import pytest
from django.test import Client
from openpyxl import Workbook, load_workbook

from danvan.core.excel import safe_text

LOGIN = "/tai-khoan/dang-nhap/"


class ExplodingInput(io.BytesIO):
    def read(self, *args, **kwargs):
        raise AssertionError("the body was read")

    readline = read


def _post(path: str, length: int, content_type: str = "application/json"):
    """A request declaring a body of `length` bytes whose body must never be read."""
    client = Client()
    return client.generic(
        "POST",
        path,
        b"",
        content_type=content_type,
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": ExplodingInput()},
    )


def test_an_oversized_page_post_is_refused_unread(db, settings):
    response = _post(LOGIN, settings.DANVAN_MAX_REQUEST_BYTES + 1, "multipart/form-data; boundary=x")
    assert response.status_code == 413
    assert "Dữ liệu gửi lên quá lớn" in response.content.decode()
    assert response["Connection"] == "close"


def test_an_oversized_api_call_answers_problem_json(db, settings):
    settings.DANVAN_MAX_REQUEST_BYTES = 10 * 1024 * 1024
    response = _post("/api/v1/auth/token", 10 * 1024 * 1024 + 1)
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "payload_too_large" and body["status"] == 413
    assert body["detail"] == "Dữ liệu gửi lên quá lớn (tối đa 10,0\xa0MB)."


def test_a_body_within_the_limit_goes_through(db):
    response = Client().post(LOGIN, {"username": "x", "password": "y"})
    assert response.status_code == 200  # the login page answers (wrong password), not 413


def test_form_fields_beyond_django_limits_are_refused(db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client().post(LOGIN, {"username": "x" * 2000, "password": "y"})
    assert response.status_code == 400


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_safe_text_defuses_every_formula_start(start):
    value = f'{start}HYPERLINK("http://attacker","Bấm")'
    assert safe_text(value) == "'" + value


@pytest.mark.parametrize("value", ["Khóm 1", "", " =1+1", "Tổ 5 - Ấp 3", "100%", "a=b"])
def test_safe_text_leaves_plain_text_alone(value):
    assert safe_text(value) == value


def test_an_exported_cell_is_text_not_a_formula():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([safe_text("=1+1"), safe_text("@SUM(A1:A9)"), safe_text("-2+3")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    cells = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    assert [c.data_type for c in cells] == ["s", "s", "s"]


def test_script_and_sql_looking_input_is_shown_escaped(personas, client_for):
    """Markup typed into a field comes back escaped; SQL-looking text is only text."""
    from danvan.accounts.models import User

    evil = "<script>alert(1)</script>' OR 1=1; DROP TABLE accounts_user;--"
    User.objects.filter(pk=personas.reporter_a.pk).update(full_name=evil)
    page = client_for(personas.reporter_a).get("/tai-khoan/ho-so/")
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert User.objects.filter(full_name=evil).count() == 1


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/units?q=%00", None),
        ("/api/v1/units/79%00", None),
        ("/api/v1/auth/token", b'{"username": "a\\u0000", "password": "b"}'),
        ("/api/v1/auth/token", b'{"username": "a\\\\\\u0000", "password": "b"}'),
    ],
)
def test_api_input_with_a_nul_character_is_refused_with_422(db, path, body):
    client = Client()
    response = client.get(path) if body is None else client.post(path, body, content_type="application/json")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "invalid_character"


def test_an_escaped_backslash_before_u0000_is_ordinary_text(db):
    body = b'{"username": "a\\\\u0000", "password": "b"}'  # the text a\u0000, no NUL in it
    response = Client().post("/api/v1/auth/token", body, content_type="application/json")
    assert response.status_code != 422 or response.json()["code"] != "invalid_character"
