"""/api/v1 operations of meetings, tasks, directives, supervisions and citizen reception."""

from ninja import Router

router = Router(tags=["Hội nghị"])

from danvan.meetings.api import endpoints  # noqa: E402, F401  (registers the operations on router)
