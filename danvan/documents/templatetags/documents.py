"""{% document_form "meeting_minutes" meeting=meeting.pk %}: the "Tạo văn bản" action of an object's page."""

from typing import Any

from django import template

from danvan.documents.forms import VARIANTS
from danvan.documents.models import Format
from danvan.documents.pdf import pdf_available
from danvan.documents.registry import DOCUMENT_TYPES

register = template.Library()


@register.inclusion_tag("documents/_object_form.html", takes_context=True)
def document_form(context: Any, type_code: str, **target: Any) -> dict[str, Any]:
    kind = DOCUMENT_TYPES[type_code]
    formats = [Format.DOCX] + ([Format.PDF] if pdf_available() else [])
    fields = kind.parameters.model_fields
    return {
        "kind": kind,
        "target": target,
        "variants": VARIANTS.items() if "variant" in fields else (),
        "formats": [(f.value, f.label) for f in formats],
        "next": context["request"].get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
