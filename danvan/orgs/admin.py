"""Admin: the kinds of organization are configured here. Organizations, people and positions are
shown read-only: they are written through the pages and services, which keep the folded names,
the rules and the audit log."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from danvan.orgs.models import Organization, OrganizationKind, Person, Position, UnitSetting


@admin.register(OrganizationKind)
class OrganizationKindAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order", "is_active", "is_historic"]
    list_editable = ["order", "is_active", "is_historic"]
    search_fields = ["name", "code"]
    ordering = ["order", "name"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # The code is what the API and the data migrations refer to: fixed once created.
        return ["code"] if obj is not None else []


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organization)
class OrganizationAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "unit", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name", "name_folded", "unit__code"]
    list_select_related = ["kind", "unit"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ["full_name", "birth_year", "home_unit"]
    search_fields = ["full_name", "name_folded"]
    list_select_related = ["home_unit"]


@admin.register(Position)
class PositionAdmin(ReadOnlyAdmin):
    list_display = ["person", "title", "organization", "start_date", "end_date"]
    search_fields = ["person__name_folded", "title"]
    list_select_related = ["person", "organization"]


@admin.register(UnitSetting)
class UnitSettingAdmin(ReadOnlyAdmin):
    list_display = ["unit", "records_keeper"]
    list_select_related = ["unit", "records_keeper"]
