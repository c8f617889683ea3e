"""The rows of a report's values as HTML: the whole table body on the report page, one row in
the answer to an autosave.

Written in Python, not as a template, on purpose. The report page is the page of the
end-of-period day: in the load test (bench/locustfile.py) it is nearly half of all requests, and
its 40 to 50 rows each print some twenty fields. Through the template engine every field costs
a variable lookup, localisation and escaping, about 4 µs, so the rows alone cost 3 to 4 ms a
page; built here they cost a fifth of that (docs/deploy.md, "Where the CPU goes"). The HTML is
the same the template gave. Every field of a row (views.entry._rows) is escaped here, once.
"""

import html
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def value_rows_html(rows: Iterable[dict[str, Any]]) -> SafeString:
    words = _words(get_language())
    return mark_safe("".join(_row(row, words) for row in rows))  # noqa: S308 - every field escaped in _row


@lru_cache(maxsize=8)
def _words(language: str | None) -> dict[str, str]:
    """The fixed words of a row, translated and escaped once per language (not per table)."""
    return {
        "required": conditional_escape(_("bắt buộc")),
        "yes": conditional_escape(_("Có")),
        "no": conditional_escape(_("Không")),
        "returned": conditional_escape(_("Lãnh đạo trả lại:")),
        "computed_title": conditional_escape(_("Số hệ thống đã biết từ dữ liệu của các phân hệ khác")),
        "computed": conditional_escape(_("Tự động:")),
        "overridden": conditional_escape(_("Đã sửa — lý do:")),
        "reason": conditional_escape(_("Lý do nếu sửa số tự động")),
    }


def escape(value: Any) -> str:
    """What Django's `conditional_escape` gives, as a plain str, without its lazy-string wrapper
    (about 5 µs a call, and a page of rows makes some 300): text marked safe is kept as it is,
    anything else is escaped with the standard library's `html.escape`, as Django's `escape` does."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _row(row: dict[str, Any], w: dict[str, str]) -> str:
    e = escape
    pk = e(row["id"])
    classes = ("returned" if row["returned"] else "") + (" invalid" if row["error"] else "")
    label: str = e(row["name"])
    if row["category_label"]:
        label += " — " + e(row["category_label"])
    if row["required"]:
        label += f' <abbr title="{w["required"]}">*</abbr>'
    parts = [f'<tr id="val-{pk}" class="{classes}">\n<th scope="row">\n<label for="v{pk}">{label}</label>\n']
    if row["unit_of_measure"]:
        parts.append(f"<small>({e(row['unit_of_measure'])})</small>\n")
    parts.append("</th>\n<td>\n")
    if row["editable"]:
        save = (
            f'hx-post="{e(row["save_url"])}" hx-trigger="change" hx-target="#val-{pk}" '
            f'hx-swap="outerHTML" hx-include="#val-{pk}"'
        )
        parts.append(f'<input type="hidden" name="ver{pk}" value="{e(row["version"])}">\n')
        if row["kind"] == "text":
            parts.append(f'<textarea id="v{pk}" name="v{pk}" rows="3" {save}>{e(row["input"])}</textarea>\n')
        elif row["kind"] == "boolean":
            number = row["number"]
            empty = " selected" if number is None else ""
            yes = " selected" if number is not None and number == 1 else ""
            no = " selected" if number is not None and number == 0 else ""
            parts.append(
                f'<select id="v{pk}" name="v{pk}" {save}>\n<option value=""{empty}>—</option>\n'
                f'<option value="1"{yes}>{w["yes"]}</option>\n<option value="0"{no}>{w["no"]}</option>\n'
                "</select>\n"
            )
        else:
            invalid = f' aria-invalid="true" aria-describedby="err{pk}"' if row["error"] else ""
            parts.append(
                f'<input id="v{pk}" name="v{pk}" inputmode="decimal" autocomplete="off" '
                f'value="{e(row["input"])}" {save}{invalid}>\n'
            )
    else:
        shown = linebreaksbr(row["shown"], autoescape=True) if row["kind"] == "text" else e(row["shown"])
        parts.append(f'<output id="v{pk}">{shown}</output>\n')
    if row["error"]:
        parts.append(f'<p class="error" id="err{pk}" role="alert">{e(row["error"])}</p>\n')
    if row["returned"]:
        comment = e(row["return_comment"])
        parts.append(f'<p class="returned-note"><strong>{w["returned"]}</strong> {comment}</p>\n')
    parts.append("</td>\n<td>\n")
    if row["computed"]:
        computed = f"{w['computed']} {e(row['computed'])}"
        parts.append(f'<small class="computed" title="{w["computed_title"]}">{computed}</small>\n')
        if row["overridden"]:
            parts.append(f'<small class="overridden">{w["overridden"]} {e(row["override_reason"])}</small>\n')
        if row["editable"]:
            reason = w["reason"]
            parts.append(
                f'<input name="r{pk}" aria-label="{reason}" placeholder="{reason}" maxlength="500">\n'
            )
    if row["updated"]:
        parts.append(f"<small>{e(row['updated'])}</small>\n")
    parts.append("</td>\n</tr>\n")
    return "".join(parts)
