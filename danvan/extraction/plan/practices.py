"""Dân vận khéo models a text names (registered in the registry) and the counts it gives."""

from dataclasses import dataclass

from danvan.extraction.mapping import default_indicator
from danvan.extraction.plan.base import Basis, Part


@dataclass
class PracticePart(Part):
    year: int | None = None


def practice_part(basis: Basis) -> PracticePart:
    part = PracticePart("practices", "Mô hình «Dân vận khéo» có tên")
    named = basis.data.get("practices") or []
    part.year = basis.day.year if basis.day else (basis.period.year if basis.period else None)
    part.lines = [f"Đăng ký mô hình «{p['name']}» ({p['field']}), năm {part.year}" for p in named]
    if named and basis.unit is None:
        part.problems.append("Chưa xác định đơn vị hành chính: không đăng ký được mô hình.")
    if named and part.year is None:
        part.problems.append("Chưa xác định năm: không đăng ký được mô hình.")
    counted = [
        f"S{i + 1}"
        for i, f in enumerate(basis.data["figures"])
        if default_indicator(f, basis.text).startswith("dvk_")
    ]
    if counted:
        part.notes.append(
            f"Số mô hình đếm được ({', '.join(counted)}) không tạo mô hình trong sổ (văn bản không nêu tên "
            "từng mô hình): chúng được nhập vào chỉ tiêu mô hình, điển hình của báo cáo ở phần số liệu."
        )
    part.enabled = basis.wanted("practices", bool(named))
    return part
