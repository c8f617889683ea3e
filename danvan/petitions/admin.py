"""Reference data in the admin site: topics, clock rule versions, routing rules, the calendar."""

from typing import Any

from django.contrib import admin

from danvan.petitions.models import ClockRule, Holiday, RoutingRule, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order", "is_active"]
    list_editable = ["order", "is_active"]


@admin.register(ClockRule)
class ClockRuleAdmin(admin.ModelAdmin):
    list_display = ["clock", "province", "effective_from", "name", "accept_days", "resolve_days"]
    list_filter = ["clock"]
    raw_id_fields = ["province"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ["unit", "topic", "kind", "organization"]
    raw_id_fields = ["unit", "organization"]

    def save_model(self, request: Any, obj: RoutingRule, form: Any, change: bool) -> None:
        obj.unit_path = obj.unit.path  # the derived column the routing lookup uses
        super().save_model(request, obj, form, change)


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]
    date_hierarchy = "date"
