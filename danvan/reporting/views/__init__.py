"""HTML pages of periodic reporting."""

from danvan.reporting.views.entry import (
    approve,
    detail,
    open_report,
    refresh,
    return_report,
    save_all,
    save_section,
    save_value,
    submit,
)
from danvan.reporting.views.lists import completeness_page, index, indicators, rollups
from danvan.reporting.views.offline import compile_narrative, excel, excel_upload

__all__ = [
    "approve",
    "compile_narrative",
    "completeness_page",
    "detail",
    "excel",
    "excel_upload",
    "index",
    "indicators",
    "open_report",
    "refresh",
    "return_report",
    "rollups",
    "save_all",
    "save_section",
    "save_value",
    "submit",
]
