"""Benchmark of the text extractor (issue 10): one 3,000-character text per call, on one core.

- `extraction.text_3000`: extract(text, gazetteer) on ~3,000-character Vietnamese texts built from
  the shipped fixture texts (a different text each call, in turn); against the plain regular-
  expression baseline of the evaluation command on the same texts. Texts per second = 1000 /
  median ms. The gazetteer (the territory in memory) is loaded once, in prepare, as in a process.
"""

import itertools
from typing import Any

from bench.registry import Case, benchmark
from danvan.extraction.evaluation import baseline_extract, load_set
from danvan.extraction.extractor import extract
from danvan.extraction.extractor.units import Gazetteer, gazetteer_from_package, load_gazetteer

TEXT_CHARS = 3000


def texts_of_3000() -> list[str]:
    """Fixture texts joined and cut at a paragraph near 3,000 characters, each starting elsewhere."""
    pieces = [s.text for s in load_set("tuning") + load_set("held_out")]
    result = []
    for first in range(len(pieces)):
        text = ""
        for piece in itertools.islice(itertools.cycle(pieces), first, first + len(pieces)):
            text += piece + "\n\n"
            if len(text) >= TEXT_CHARS:
                break
        result.append(text[:TEXT_CHARS])
    return result


def gazetteer() -> Gazetteer:
    loaded = load_gazetteer(refresh=True)
    return loaded if len(loaded) else gazetteer_from_package()


@benchmark("extraction.text_3000", baseline="plain regex baseline, same texts")
def text_3000(fx: Any) -> Case:
    """extract() of one ~3,000-character text (texts/s = 1000 / median ms), gazetteer loaded once."""
    texts, places = texts_of_3000(), gazetteer()
    ours, plain = itertools.cycle(texts), itertools.cycle(texts)
    extract(texts[0], places)
    return Case(lambda: extract(next(ours), places), lambda: baseline_extract(next(plain)))
