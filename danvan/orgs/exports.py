"""The lists of organizations, people and positions in Excel (danvan.core.export).

Names, birth years and posts of people are personal data (danvan.core.personal_data): they are
exported for users who keep records (reporter or above somewhere, or a system administrator);
a viewer's export leaves them out.
"""

from typing import Any

from django.utils.translation import gettext as _

from danvan.core.export import DATE, Column
from danvan.orgs.models import Organization, Person, Position


def organization_columns() -> list[Column]:
    return [
        Column(_("Tên tổ chức"), width=44),
        Column(_("Tên viết tắt"), width=14),
        Column(_("Loại"), width=26),
        Column(_("Đơn vị"), width=28),
        Column(_("Mã đơn vị"), width=10),
        Column(_("Trực thuộc"), width=36),
        Column(_("Hoạt động từ"), DATE, 13),
        Column(_("Hoạt động đến"), DATE, 13),
    ]


def organization_row(o: Organization) -> list[Any]:
    parent = o.parent.name if o.parent_id and o.parent else ""
    return [o.name, o.short_name, o.kind.name, o.unit.name, o.unit.code, parent, o.valid_from, o.valid_to]


def person_columns() -> list[Column]:
    return [
        Column(_("Họ và tên"), width=28, personal="orgs.Person.full_name"),
        Column(_("Giới tính"), width=10, personal="orgs.Person.gender"),
        Column(_("Năm sinh"), width=10, personal="orgs.Person.birth_year"),
        Column(_("Đơn vị quản lý hồ sơ"), width=28, personal="orgs.Person.home_unit"),
        Column(_("Chức vụ hiện nay"), width=60, personal="orgs.Position.title"),
    ]


def person_row(p: Person) -> list[Any]:
    posts = "; ".join(f"{x.title} — {x.organization.name}" for x in getattr(p, "current_positions", []))
    home = p.home_unit.name if p.home_unit_id and p.home_unit else ""
    return [p.full_name, p.get_gender_display(), p.birth_year, home, posts]


def position_columns() -> list[Column]:
    return [
        Column(_("Tổ chức"), width=40),
        Column(_("Đơn vị"), width=28),
        Column(_("Họ và tên"), width=28, personal="orgs.Person.full_name"),
        Column(_("Chức vụ"), width=30, personal="orgs.Position.title"),
        Column(_("Từ ngày"), DATE, 13, personal="orgs.Position.start_date"),
        Column(_("Đến ngày"), DATE, 13, personal="orgs.Position.end_date"),
    ]


def position_row(p: Position) -> list[Any]:
    o = p.organization
    return [o.name, o.unit.name, p.person.full_name, p.title, p.start_date, p.end_date]
