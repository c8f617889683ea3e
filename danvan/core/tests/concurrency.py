"""Helpers for tests where two people act at the same moment (threads, one connection each)."""

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connections

from danvan.core.errors import DomainError


@dataclass
class Outcome:
    value: Any = None
    error: DomainError | None = None

    @property
    def status(self) -> int:
        return 200 if self.error is None else self.error.status


def at_once(*actions: Callable[[], Any]) -> list[Outcome]:
    """Run the actions in threads released together; each thread uses its own connection."""
    barrier = threading.Barrier(len(actions))
    outcomes = [Outcome() for _ in actions]
    failures: list[BaseException] = []

    def run(index: int, action: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=30)
            outcomes[index].value = action()
        except DomainError as exc:
            outcomes[index].error = exc
        except BaseException as exc:  # an unexpected error fails the test, not the thread silently
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if failures:
        raise failures[0]
    return outcomes


@contextmanager
def slowed(monkeypatch: Any, module: Any, name: str, seconds: float = 0.3) -> Iterator[None]:
    """Make `module.name` pause before running, so that a race window stays open long enough
    for the other thread to reach the same point when nothing serializes them."""
    original = getattr(module, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(seconds)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)
    yield
    monkeypatch.setattr(module, name, original)
