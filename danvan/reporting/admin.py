"""Configuration of indicators, forms and assignments (system administrators)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from danvan.reporting.models import Assignment, CrossRule, FormIndicator, Indicator, ReportForm
from danvan.reporting.services.completeness import completeness_refresh


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

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Assignments decide which units must report: the completeness cells are counted again.
        completeness_refresh(form=form.instance)


@admin.register(CrossRule)
class CrossRuleAdmin(admin.ModelAdmin[CrossRule]):
    list_display = ("left", "operator", "right", "message")
