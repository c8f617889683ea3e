"""HTML pages of the orgs app, one module per entity."""

from danvan.orgs.views.organizations import (
    index,
    organization_close,
    organization_create,
    organization_detail,
    organization_edit,
    unit_setting,
)
from danvan.orgs.views.people import people, person_create, person_detail, person_edit
from danvan.orgs.views.positions import position_add, position_end, positions

__all__ = [
    "index",
    "organization_close",
    "organization_create",
    "organization_detail",
    "organization_edit",
    "people",
    "person_create",
    "person_detail",
    "person_edit",
    "position_add",
    "position_end",
    "positions",
    "unit_setting",
]
