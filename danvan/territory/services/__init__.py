"""Writes to the territory: the official sync and the neighbourhoods kept by communes."""

from danvan.territory.services.neighbourhood_import import neighbourhood_import, neighbourhood_import_template
from danvan.territory.services.neighbourhoods import (
    neighbourhood_create,
    neighbourhood_retire,
    neighbourhood_update,
)
from danvan.territory.services.sync import SyncReport, territory_sync

__all__ = [
    "SyncReport",
    "neighbourhood_create",
    "neighbourhood_import",
    "neighbourhood_import_template",
    "neighbourhood_retire",
    "neighbourhood_update",
    "territory_sync",
]
