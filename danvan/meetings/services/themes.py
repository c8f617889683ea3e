"""Annual themes and slogans of a unit."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.meetings.models import AnnualTheme
from danvan.meetings.services.common import check_writer, fail
from danvan.territory.models import Unit


@transaction.atomic
def theme_set(*, actor: Any, scope: UserScope, unit: Unit, year: int, kind: str, text: str) -> AnnualTheme:
    """Record a theme or slogan of the year (idempotent on the same text)."""
    check_writer(scope, unit)
    if not text.strip():
        fail({"text": [_("Cần nhập chủ đề hoặc khẩu hiệu.")]})
    if kind not in AnnualTheme.Kind.values:
        fail({"kind": [_("Chọn chủ đề năm hoặc khẩu hiệu.")]})
    theme, created = AnnualTheme.objects.get_or_create(
        unit=unit, year=year, kind=kind, text=text.strip(), defaults={"unit_path": unit.path}
    )
    if created:
        audit_record(
            actor=actor, action="theme.set", obj=theme, unit=unit, changes={"text": [None, theme.text]}
        )
    return theme
