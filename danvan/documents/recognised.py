"""The list of "Dân vận khéo" models and exemplars recognised in a year, attached to a commendation decision.

Rows: the unit's subtree, the old units merged into it included (history_paths), recognised,
outstanding or commended, registered in the year; grouped by level (province, commune,
neighbourhood) in Vietnamese order.
"""

from pydantic import Field

from danvan.core.text import sort_key
from danvan.documents.official import Cell, OfficialDocument, Table
from danvan.documents.registry import BuildRequest, CommonParameters
from danvan.practices.models import RECOGNIZED_STATUSES, Practice
from danvan.territory.models import Level
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q

HEADER = ["TT", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Địa bàn", "Chủ thể thực hiện"]


class RecognisedParameters(CommonParameters):
    year: int = Field(ge=2000, le=2100)
    decision: str = Field("", max_length=120)  # "Quyết định số 125-QĐ/BDVTU ngày 20/12/2024"


def recognised_practices(request: BuildRequest) -> list[Practice]:
    year = request.parameters["year"]
    rows = (
        Practice.objects.filter(
            subtree_q(history_paths(request.unit), "unit_path"), year=year, status__in=RECOGNIZED_STATUSES
        )
        .select_related("unit", "field", "organization", "person")
        .order_by("unit_path", "sort_key")
    )
    return list(rows)


def _holder(practice: Practice) -> str:
    if practice.person_id and practice.person is not None:
        return practice.person.full_name
    return practice.organization.name if practice.organization else ""


def _table(practices: list[Practice]) -> Table:
    levels = [code for code, _label in Level.choices]
    ordered = sorted(
        practices, key=lambda p: (levels.index(p.level) if p.level in levels else 9, sort_key(p.name))
    )
    rows: list[list[Cell]] = []
    for number, practice in enumerate(ordered, start=1):
        rows.append(
            [
                str(number),
                practice.name,
                practice.get_kind_display(),
                practice.field.name,
                practice.unit.name,
                _holder(practice),
            ]
        )
    return Table("", [list(HEADER)], rows)


def build_recognised(request: BuildRequest) -> OfficialDocument:
    practices = recognised_practices(request)
    request.report_progress(40)
    year = request.parameters["year"]
    decision = request.parameters.get("decision", "")
    models = sum(1 for p in practices if p.kind == "mo_hinh")
    summary = (
        f"Tổng số: {len(practices)} mô hình, điển hình "
        f"({models} mô hình, {len(practices) - models} điển hình)."
    )
    return OfficialDocument(
        **request.identity(kind_label="DANH SÁCH", kind_code="DS"),
        title=f"Mô hình, điển hình “Dân vận khéo” được công nhận năm {year}",
        introduction=[f"(Kèm theo {decision})"] if decision else [],
        tables=[_table(practices)] if practices else [],
        closing=[summary],
    )
