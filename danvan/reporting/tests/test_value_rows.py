"""The report's value rows, built in Python (views.value_rows): what people typed is escaped
everywhere it is printed, and each kind of row has the controls the autosave reads."""

from decimal import Decimal
from typing import Any

from danvan.reporting.views.value_rows import value_rows_html

HOSTILE = "<script>alert(\"x\")</script> & 'y'"


def row(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "41",
        "name": "Số cuộc đối thoại",
        "category_label": "",
        "unit_of_measure": "cuộc",
        "group": "",
        "required": False,
        "kind": "number",
        "editable": True,
        "version": "3",
        "save_url": "/bao-cao/7/gia-tri/41/",
        "input": "1.250",
        "number": Decimal("1250"),
        "shown": "1.250",
        "computed": "",
        "overridden": False,
        "override_reason": "",
        "returned": False,
        "return_comment": "",
        "updated": "",
        "error": "",
    }
    return base | fields


def test_every_field_a_person_typed_is_escaped() -> None:
    html = value_rows_html(
        [
            row(
                name=HOSTILE,
                category_label=HOSTILE,
                unit_of_measure=HOSTILE,
                input=HOSTILE,
                computed="12",
                overridden=True,
                override_reason=HOSTILE,
                returned=True,
                return_comment=HOSTILE,
                updated=HOSTILE,
                error=HOSTILE,
            ),
            row(id="42", kind="text", editable=False, shown=HOSTILE + "\ndòng hai"),
            row(id="43", kind="text", input=HOSTILE),
        ]
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("&lt;script&gt;") == 10
    assert "&amp; &#x27;y&#x27;" in html
    assert "<br>dòng hai" in html  # a text value read back keeps its lines


def test_an_editable_number_has_the_autosave_controls() -> None:
    html = value_rows_html([row(required=True)])
    assert '<tr id="val-41" class="">' in html
    assert '<label for="v41">Số cuộc đối thoại <abbr title="bắt buộc">*</abbr></label>' in html
    assert '<input type="hidden" name="ver41" value="3">' in html
    assert 'name="v41" inputmode="decimal" autocomplete="off" value="1.250"' in html
    assert 'hx-post="/bao-cao/7/gia-tri/41/"' in html and 'hx-include="#val-41"' in html
    assert "aria-invalid" not in html


def test_a_refused_value_is_marked_and_explained() -> None:
    html = value_rows_html([row(input="-3", error="Số liệu không được nhỏ hơn 0.")])
    assert 'class=" invalid"' in html
    assert 'value="-3"' in html and 'aria-invalid="true" aria-describedby="err41"' in html
    assert '<p class="error" id="err41" role="alert">Số liệu không được nhỏ hơn 0.</p>' in html


def test_a_yes_no_value_selects_what_is_stored() -> None:
    empty = value_rows_html([row(kind="boolean", number=None)])
    yes = value_rows_html([row(kind="boolean", number=Decimal("1"))])
    no = value_rows_html([row(kind="boolean", number=Decimal("0"))])
    assert '<option value="" selected>' in empty and '<option value="1">' in empty
    assert '<option value="1" selected>Có</option>' in yes and '<option value="" >' not in yes
    assert '<option value="0" selected>Không</option>' in no and '<option value="" selected>' not in no


def test_a_computed_figure_shows_its_source_and_asks_for_a_reason() -> None:
    html = value_rows_html([row(computed="1.200", overridden=True, override_reason="Số xã báo lại")])
    assert "Tự động: 1.200" in html and "Đã sửa — lý do: Số xã báo lại" in html
    assert '<input name="r41" aria-label="Lý do nếu sửa số tự động"' in html
    read_only = value_rows_html([row(computed="1.200", editable=False)])
    assert 'name="r41"' not in read_only and '<output id="v41">1.250</output>' in read_only


def test_the_rows_escape_as_django_does() -> None:
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext_lazy

    from danvan.reporting.views.value_rows import escape

    for value in (HOSTILE, "Tân Hòa & Phú <b>", "", 12, None, gettext_lazy("Có"), mark_safe("<em>an</em>")):
        assert escape(value) == str(conditional_escape(value))
