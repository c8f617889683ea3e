"""Accent-insensitive search in the database, for text that has no stored folded copy.

`Folded(expression)` is `fold()` computed by the database: on SQLite the Python `fold` itself,
registered on every connection; on PostgreSQL `translate(lower(…))` over the Vietnamese letters
(and the punctuation `fold` turns into spaces). Compare it with `fold(term)` using `contains`.
Searchable names that are queried often keep a stored `*_folded` column instead (see text.py).
"""

import unicodedata
from typing import Any

from django.db.backends.signals import connection_created
from django.db.models import CharField, Func

from danvan.core.text import fold

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_PUNCTUATION = "-–—_/.,;:()\"'“”‘’"


def _translation() -> tuple[str, str]:
    source, target = ["đĐ"], ["dd"]
    for vowel in _VOWELS:
        plain = fold(vowel)
        for tone in _TONES:
            letter = unicodedata.normalize("NFC", vowel + tone)
            if letter != plain:
                source.append(letter + letter.upper())
                target.append(plain * 2)
    source.append(_PUNCTUATION)
    target.append(" " * len(_PUNCTUATION))
    return "".join(source), "".join(target)


FROM_LETTERS, TO_LETTERS = _translation()


class Folded(Func):
    """The folded form of a text expression (lower case, no diacritics, đ → d)."""

    function = "danvan_fold"
    output_field = CharField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"translate(lower({sql}), %s, %s)", (*params, FROM_LETTERS, TO_LETTERS)


def _sqlite_fold(text: str | None) -> str | None:
    return None if text is None else fold(text)


def register_sqlite_fold(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("danvan_fold", 1, _sqlite_fold, deterministic=True)


def connect() -> None:
    connection_created.connect(register_sqlite_fold, dispatch_uid="danvan_sqlite_fold")
