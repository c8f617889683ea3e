"""HTML pages of the territory: public reading, and neighbourhood management for commune staff."""

from danvan.territory.views.neighbourhoods import (
    neighbourhood_create,
    neighbourhood_import,
    neighbourhood_retire,
    neighbourhood_template,
    neighbourhood_update,
)
from danvan.territory.views.pages import index, unit_detail

__all__ = [
    "index",
    "neighbourhood_create",
    "neighbourhood_import",
    "neighbourhood_retire",
    "neighbourhood_template",
    "neighbourhood_update",
    "unit_detail",
]
