"""/api/v1/practices: the Dân vận khéo registry, with the same access rules as the pages."""

from ninja import Router

router = Router(tags=["Dân vận khéo"])

from danvan.practices.api import endpoints  # noqa: E402, F401  (registers the operations on router)
