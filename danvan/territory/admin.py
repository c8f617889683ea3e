"""Read-only admin views: the territory changes through the sync and the neighbourhood services."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from danvan.territory.models import Unit, UnitLineage


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Unit)
class UnitAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "kind", "level", "parent", "valid_from", "valid_to", "is_official"]
    list_filter = ["level", "kind", "is_official"]
    search_fields = ["code", "name", "name_folded"]
    list_select_related = ["parent"]
    show_full_result_count = False


@admin.register(UnitLineage)
class UnitLineageAdmin(ReadOnlyAdmin):
    list_display = ["predecessor", "successor", "partial", "effective_date"]
    list_filter = ["partial"]
    search_fields = ["predecessor__code", "predecessor__name", "successor__code", "successor__name"]
    list_select_related = ["predecessor", "successor"]
