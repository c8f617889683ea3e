"""How an entry of the authorization matrix is written.

Each app keeps `danvan/<app>/tests/access_matrix.py` with two dicts:

    PAGES = {"<namespace>:<url name>": Page(get="...", post="...", body=..., params=...)}
    OPERATIONS = {"<METHOD> /api/v1/<path template>": Operation("...", body=..., params=...)}

An expectation is one word per persona, in this order (the columns of every table):

    anonymous  reporter_a  reporter_b  approver  other_approver  unit_admin  admin

- reporter_a / reporter_b: reporters of the sibling communes A and B of province P;
- approver: approver of province P; other_approver: approver of province Q;
- unit_admin: unit admin of province P; admin: the system admin.

Words:
- `ok`: a read answers 2xx; a write (a row with a `body`) answers 2xx or redirects, and the
  database changed;
- `noop`: a write answers 2xx or redirects and the database did not change (a logout, a unit
  switch kept in the session, a form shown again);
- `login`: a page redirects to the login page, the API answers 401;
- `302`: a read (or a POST that is not a write) redirects elsewhere;
- a refusal's status code: `403`, `404`, `405`, `409`, `422`, ...; a refused request must
  change nothing in the database.
A POST to a page without a `body` is not a write: whatever it answers, it must change nothing;
with no `post` row it is sent as the anonymous visitor and as the system admin only, and may
answer anything but a 500.

Every object the routes need is built once by `world.py` and owned by commune A (or province P
where the domain says so). A route parameter is filled from `params` (`{"pk": "practice"}`:
the world's `practice`; `{"code": "neighbourhood.code"}`: an attribute of it) or, for a
parameter named `<thing>_id`, from the world's `<thing>`.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

PERSONAS = ("anonymous", "reporter_a", "reporter_b", "approver", "other_approver", "unit_admin", "admin")
WORDS = {"ok", "noop", "login", "302", "400", "403", "404", "405", "409", "410", "412", "422", "428", "429"}

Body = Callable[[Any], Mapping[str, Any]]

# Patterns that recur; an entry may also spell its row out.
PUBLIC = "ok ok ok ok ok ok ok"
SIGNED_IN = "login ok ok ok ok ok ok"
# An object of commune A: its reporter, the province above it (approver, unit admin), the admin.
OF_A = "login ok 404 ok 404 ok ok"
# Readers of province P's subtree (A and B alike), and the admin.
OF_P = "login ok ok ok 404 ok ok"
# Only the system admin.
ADMIN_ONLY = "login 404 404 404 404 404 ok"


def answers(row: str) -> tuple[str, ...]:
    """The words of an expectation row, checked."""
    words = tuple(row.split())
    if len(words) != len(PERSONAS):
        raise ValueError(f"{row!r}: expected {len(PERSONAS)} words, one per persona {PERSONAS}")
    unknown = [w for w in words if w not in WORDS]
    if unknown:
        raise ValueError(f"{row!r}: unknown words {unknown}; use {sorted(WORDS)}")
    return words


@dataclass(frozen=True)
class Page:
    """A URL name: the answer to GET, and to POST with `body` (no body: a POST is not a write
    here; it must answer as `post` says, if given, and change nothing)."""

    get: str
    post: str | None = None
    body: Body | None = None
    params: Mapping[str, str] = field(default_factory=dict)
    query: str | Callable[[Any], str] = ""  # appended to the URL ("?unit=31510"), or made from the world
    note: str = ""

    @property
    def writes(self) -> bool:
        return self.body is not None


@dataclass(frozen=True)
class Operation:
    """An API operation: the answer per persona; a write sends `body` as JSON (or as multipart
    form data when `multipart`)."""

    expect: str
    body: Body | None = None
    params: Mapping[str, str] = field(default_factory=dict)
    query: str | Callable[[Any], str] = ""
    headers: Callable[[Any], Mapping[str, str]] | None = None
    multipart: bool = False
    # A list: {"practice": OF_A} — the world's practice is among the items for the personas whose
    # word is `ok` and absent for the others (a status alone does not show what a list leaks).
    lists: Mapping[str, str] = field(default_factory=dict)
    note: str = ""
