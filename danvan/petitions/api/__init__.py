"""/api/v1 operations of Ý kiến, khiếu nại, tố cáo: staff under /petitions, citizens under
/public/petitions (no token, rate-limited)."""

from ninja import Router

router = Router(tags=["Ý kiến, khiếu nại"])

from danvan.petitions.api import endpoints, public  # noqa: E402, F401  (registers the operations)
