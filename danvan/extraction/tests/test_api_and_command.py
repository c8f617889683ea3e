"""POST /api/v1/extraction and `manage.py extract`."""

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

TEXT = (
    "Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn tổ chức Hội nghị giao ban công tác dân vận tháng 8 "
    "năm 2020. "
    "Tham dự có ông Lê Hữu Nghị, Phó Bí thư Thường trực Huyện ủy cùng trưởng Ban Dân vận của 17 xã, thị trấn."
)


@pytest.mark.django_db
def test_api_extracts_json_text_and_files(client: Any, personas: Any, password: str) -> None:
    login = client.post(
        "/api/v1/auth/token",
        {"username": personas.reporter_a.username, "password": password},
        content_type="application/json",
    )
    headers = {"HTTP_AUTHORIZATION": f"Bearer {login.json()['token']}"}
    response = client.post("/api/v1/extraction", {"text": TEXT}, content_type="application/json", **headers)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["event"]["type"] == "giao ban" and body["event"]["date"] == "2020-08-25"
    assert body["event"]["period"] == {"label": "Tháng 8/2020", "code": "2020-M08"}
    assert body["people"][0]["name"] == "Lê Hữu Nghị"
    assert [(f["quantity"], f["unit"]) for f in body["figures"]] == [(17, "xã, thị trấn")]
    upload = SimpleUploadedFile("bao-cao.txt", TEXT.encode("utf-8"))
    assert client.post("/api/v1/extraction", {"file": upload}, **headers).json() == body


@pytest.mark.django_db
def test_api_bad_input_is_a_problem_not_a_crash(client: Any, personas: Any, password: str) -> None:
    login = client.post(
        "/api/v1/auth/token",
        {"username": personas.reporter_a.username, "password": password},
        content_type="application/json",
    )
    headers = {"HTTP_AUTHORIZATION": f"Bearer {login.json()['token']}"}
    english = client.post(
        "/api/v1/extraction",
        {"text": "A plain English sentence about nothing in particular at all today."},
        content_type="application/json",
        **headers,
    )
    assert english.status_code == 422 and english.json()["code"] == "not_vietnamese"
    empty = client.post("/api/v1/extraction", {"file": SimpleUploadedFile("a.txt", b"")}, **headers)
    assert empty.status_code == 422 and "rỗng" in empty.json()["detail"]
    garbage = client.post("/api/v1/extraction", b"{not json", content_type="application/json", **headers)
    assert garbage.status_code == 422
    assert (
        client.post("/api/v1/extraction", {"text": TEXT}, content_type="application/json").status_code == 401
    )


@pytest.mark.django_db
def test_extract_command_prints_one_json_line_per_file(tmp_path: Path, tree: Any) -> None:
    first, second, bad = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "empty.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_bytes(TEXT.encode("utf-16"))
    bad.write_bytes(b"")
    out = StringIO()
    call_command("extract", str(first), str(bad), str(second), "--json", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["file"] for line in lines] == [str(first), str(bad), str(second)]
    assert lines[0]["event"]["type"] == "giao ban" and lines[1]["error"]["code"] == "empty_file"
    assert lines[2]["figures"] == lines[0]["figures"]
