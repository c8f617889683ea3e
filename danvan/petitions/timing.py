"""The current moment, asked for in one place so that tests (monkeypatch `now`) and the demo
loader (`frozen`) can set it."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

_fixed: ContextVar[dt.datetime | None] = ContextVar("petitions_now", default=None)


def now() -> dt.datetime:
    return _fixed.get() or timezone.now()


def today() -> dt.date:
    return timezone.localdate(now())


@contextmanager
def frozen(moment: dt.datetime) -> Iterator[None]:
    """Run the block as if it were `moment` (to record past steps with their real dates)."""
    token = _fixed.set(moment)
    try:
        yield
    finally:
        _fixed.reset(token)
