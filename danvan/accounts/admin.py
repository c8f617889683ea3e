"""Admin: users, grants and tokens are shown read-only. They are written through the pages and
services, which check the subtree rules, keep the folded search text and write the audit log."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from danvan.accounts.models import ApiToken, Grant, User


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class GrantInline(admin.TabularInline):
    model = Grant
    fk_name = "user"
    fields = ("role", "unit", "organization", "created_at", "created_by")
    readonly_fields = ("role", "unit", "organization", "created_at", "created_by")
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    list_display = ["username", "full_name", "email", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "is_superuser"]
    search_fields = ["username", "search_folded", "email"]
    fields = [
        "username",
        "full_name",
        "email",
        "is_active",
        "is_staff",
        "is_superuser",
        "last_login",
        "date_joined",
    ]
    inlines = [GrantInline]


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = [
        "name",
        "user",
        "prefix",
        "scope",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["scope"]
    search_fields = ["name", "prefix", "user__username"]
    exclude = ["key_hash"]
