"""One entry for the handling steps taken by name, shared by the pages and the API."""

from dataclasses import dataclass, field
from typing import Any

from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound
from danvan.orgs.models import Organization
from danvan.petitions.models import Complexity, Petition
from danvan.petitions.services import handling, routing

STEPS = ("accept", "reject", "start", "extend", "transfer", "assign", "close", "reopen", "withdraw")


@dataclass
class StepInput:
    reason: str = ""
    complexity: str = ""
    remote: bool = False
    organization: Organization | None = None
    external_body: str = ""
    handlers: list[Any] = field(default_factory=list)


def petition_step(*, actor: Any, scope: UserScope, petition: Petition, name: str, data: StepInput) -> None:
    """Run the step `name` through its service (which checks the right and the rules)."""
    common: dict[str, Any] = {"actor": actor, "scope": scope, "petition": petition}
    reason = data.reason
    match name:
        case "accept":
            handling.petition_accept(
                **common, complexity=data.complexity or Complexity.NORMAL, remote=data.remote, note=reason
            )
        case "reject":
            handling.petition_reject(**common, reason=reason)
        case "start":
            handling.petition_start(**common, note=reason)
        case "extend":
            handling.petition_extend(
                **common, reason=reason, complexity=data.complexity or Complexity.COMPLEX
            )
        case "transfer":
            routing.petition_transfer(
                **common, reason=reason, organization=data.organization, external_body=data.external_body
            )
        case "assign":
            routing.petition_assign(**common, handlers=list(data.handlers))
        case "close":
            handling.petition_close(**common, note=reason)
        case "reopen":
            handling.petition_reopen(**common, reason=reason)
        case "withdraw":
            handling.petition_withdraw(**common, reason=reason)
        case _:
            raise NotFound()
