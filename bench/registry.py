"""The registered benchmarks: each prepares a subject and the baseline it is compared with."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class Unavailable(Exception):
    """The benchmark cannot run on this database or code base (e.g. an endpoint is missing)."""


@dataclass(frozen=True)
class Case:
    subject: Callable[[], Any]
    baseline: Callable[[], Any]


@dataclass(frozen=True)
class Benchmark:
    name: str
    description: str
    baseline: str  # what the baseline measures, in a few words
    prepare: Callable[[Any], Case]  # takes bench.fixtures.Fixtures


BENCHMARKS: list[Benchmark] = []


def benchmark(name: str, *, baseline: str) -> Callable[[Callable[[Any], Case]], Callable[[Any], Case]]:
    """Register `prepare(fixtures) -> Case`; its docstring's first line describes the subject."""

    def register(prepare: Callable[[Any], Case]) -> Callable[[Any], Case]:
        description = (prepare.__doc__ or name).strip().splitlines()[0]
        BENCHMARKS.append(Benchmark(name, description, baseline, prepare))
        return prepare

    return register
