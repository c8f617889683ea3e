"""{% imported_from obj %}: "Nhập từ văn bản …" with a link, on the page of a record created from a text."""

from typing import Any

from django import template
from django.db import models

from danvan.extraction.selectors import sources_of

register = template.Library()


@register.inclusion_tag("extraction/_imported_from.html")
def imported_from(obj: models.Model | None) -> dict[str, Any]:
    return {"sources": sources_of(obj) if obj is not None and obj.pk else []}
