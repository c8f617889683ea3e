"""Reading a page's form as a browser would submit it untouched: what a person confirms by default."""

from html.parser import HTMLParser
from typing import Any


class _FormReader(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: dict[str, list[str]] = {}
        self.select: tuple[str, bool] | None = None
        self.options: list[tuple[str, bool]] = []
        self.textarea: str | None = None
        self.text = ""

    def _add(self, name: str, value: str) -> None:
        self.fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside or "disabled" in a:
            return
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._add(name, a.get("value") or "on")
            elif kind not in ("submit", "button", "file"):
                self._add(name, a.get("value", ""))
        elif tag == "select" and name:
            self.select, self.options = (name, "multiple" in a), []
        elif tag == "option" and self.select is not None:
            self.options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            name, multiple = self.select
            chosen = [v for v, selected in self.options if selected]
            if not multiple and not chosen and self.options:
                chosen = [self.options[0][0]]
            for value in chosen:
                self._add(name, value)
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self._add(self.textarea, self.text.removeprefix("\n"))
            self.textarea = None


def form_fields(html: str, form_id: str = "review-form") -> dict[str, Any]:
    """{name: value or [values]} of the form's fields as they stand on the page."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return {
        k: v if len(v) > 1 or k.endswith(("-organizers", "-groups")) else v[0]
        for k, v in reader.fields.items()
    }
