"""Hostile text on its way out: Excel exports of a real list page, Word documents, and file names
on every model that stores an upload."""

import datetime as dt
import io

import pytest
from django.apps import apps
from django.core.exceptions import SuspiciousFileOperation
from django.db import models
from docx import Document
from openpyxl import load_workbook

from danvan.documents.official import OfficialDocument, Section, Signature, Style, Table
from danvan.documents.rendering import render_docx

FORMULAS = ["=1+1", "+SUM(A1:A3)", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
TEMPLATE_TRICKS = [
    "{{ 7 * 7 }}",
    "{% for x in range(3) %}lặp{% endfor %}",
    "{{ ''.__class__.__mro__ }}",
    "</w:t></w:r><w:r><w:t>chèn",
    "<script>alert(1)</script> & <b>đậm</b>",
]


def test_a_list_export_writes_formula_like_names_as_text(personas, client_for, register):
    for formula in FORMULAS:
        register(f"{formula} Mô hình")
    response = client_for(personas.reporter_a).get("/dan-van-kheo/", {"xuat": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    names = [t for t in texts if t.endswith(" Mô hình")]
    assert len(names) == len(FORMULAS), texts
    for name in names:  # a leading apostrophe: shown as text, never run
        assert name.startswith("'") and name.lstrip("'\t\r")[0] in "=+-@", name
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def hostile_document() -> OfficialDocument:
    trick = " | ".join(TEMPLATE_TRICKS)
    return OfficialDocument(
        style=Style.STATE,
        superior="",
        issuer=f"ỦY BAN {trick}",
        kind_label="BÁO CÁO",
        kind_code="BC",
        issuer_code="UBND",
        place="Cần Thơ",
        date=dt.date(2026, 3, 2),
        number="7",
        title=trick,
        sections=[Section(trick, [trick], tables=[Table(trick, [["Cột"]], [[trick]])])],
        recipients=[trick],
        signature=Signature(authority="TM. ỦY BAN", title="CHỦ TỊCH", name=trick),
    )


def test_a_word_document_shows_template_and_xml_tricks_as_typed():
    document = Document(io.BytesIO(render_docx(hostile_document())))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    for trick in TEMPLATE_TRICKS:
        assert trick in text
    assert "49" not in text and "lặplặplặp" not in text and "<class" not in text


EVIL_NAMES = ["../../etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini", "C:\\boot.ini", "a\x00b.pdf"]


def _file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    return [
        (model, field)
        for model in apps.get_models()
        if model.__module__.startswith("danvan.")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]


def test_every_stored_upload_gets_a_name_inside_its_folder():
    fields = _file_fields()
    assert len(fields) >= 5  # practices, petitions, documents (2), portal covers
    for model, field in fields:
        instance = model(pk=7)
        for attr in ("practice_id", "petition_id"):
            if hasattr(instance, attr):
                setattr(instance, attr, 3)
        if hasattr(instance, "stored_name"):
            instance.stored_name = "a1b2c3.pdf"
        if hasattr(instance, "created_at"):
            instance.created_at = dt.datetime(2026, 1, 1)
        if hasattr(instance, "type"):
            instance.type = "bao-cao"
        for evil in EVIL_NAMES:
            try:
                name = field.generate_filename(instance, evil)
            except SuspiciousFileOperation:
                continue  # refused outright
            assert not name.startswith(("/", "\\")) and ".." not in name.split("/")
            assert "\x00" not in name and "\\" not in name
            assert "passwd" not in name or model._meta.label == "documents.GeneratedDocument", (model, name)


@pytest.fixture
def register(personas, tree):
    from danvan.accounts.scope import scope_for
    from danvan.practices.models import PracticeField
    from danvan.practices.services.registration import practice_register

    field, _ = PracticeField.objects.get_or_create(
        code="kinh-te", province=None, year=None, defaults={"name": "Kinh tế", "order": 10}
    )

    def make(name):
        actor = personas.reporter_a
        return practice_register(
            actor=actor, scope=scope_for(actor), unit=tree.commune_a, field=field, year=2026, name=name
        )

    return make
