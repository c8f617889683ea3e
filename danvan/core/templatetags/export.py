"""{% export_link %}: the "Xuất Excel" link of a list page (see danvan.core.export)."""

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from danvan.core.export import MAIN_TABLE, export_query

register = template.Library()


@register.simple_tag(takes_context=True)
def export_link(context: dict[str, Any], table: str = MAIN_TABLE, label: str = "") -> str:
    """A download link to this page's own URL with its filters and ?xuat=<table>."""
    request = context["request"]
    href = f"{request.path}?{export_query(request.GET, table)}"
    return format_html('<a href="{}" class="export-link" download>{}</a>', href, label or _("Xuất Excel"))
