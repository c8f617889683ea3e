"""The figures each domain keeps per counting node (a unit, its ancestors, the units its old unit
was merged into, the nation): reporting's rollup and completeness cells, the practices tally.
They follow the territory: when units or their lineage change, they are computed again here."""

from danvan.practices.services.tally import tally_rebuild
from danvan.reporting.services.completeness import completeness_refresh
from danvan.reporting.services.rollups import rollups_rebuild


def node_figures_rebuild() -> None:
    """Every figure kept per node, from the records (rollups and tally now; completeness when
    next read)."""
    rollups_rebuild()
    tally_rebuild()
    completeness_refresh()
