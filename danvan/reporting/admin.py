"""Configuration of indicators, forms and assignments (system administrators)."""

from django.contrib import admin

from danvan.reporting.models import Assignment, CrossRule, FormIndicator, Indicator, ReportForm


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin[Indicator]):
    list_display = ("code", "name", "unit_of_measure", "value_type", "aggregation", "source")
    search_fields = ("code", "name")
    list_filter = ("value_type", "aggregation")


class FormIndicatorInline(admin.TabularInline[FormIndicator, ReportForm]):
    model = FormIndicator
    extra = 0
    autocomplete_fields = ("indicator",)


class AssignmentInline(admin.TabularInline[Assignment, ReportForm]):
    model = Assignment
    extra = 0
    raw_id_fields = ("unit",)


@admin.register(ReportForm)
class ReportFormAdmin(admin.ModelAdmin[ReportForm]):
    list_display = ("code", "name", "level", "periodicity", "deadline_days", "counts_in_rollups", "is_active")
    inlines = (FormIndicatorInline, AssignmentInline)


@admin.register(CrossRule)
class CrossRuleAdmin(admin.ModelAdmin[CrossRule]):
    list_display = ("left", "operator", "right", "message")
