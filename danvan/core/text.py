"""Vietnamese text helpers: accent folding for search and the Vietnamese sort order.

SQLite FTS and LIKE do not fold "đ", and PostgreSQL's unaccent is not on SQLite, so a
folded copy of every searchable name is stored beside it and queried with plain LIKE.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[\-–—_/.,;:()\"'“”‘’]+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d), collapse punctuation and spaces.

    >>> fold("Hồng Ngự – Đồng Tháp")
    'hong ngu dong thap'
    """
    lowered = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in lowered if unicodedata.category(ch) != "Mn")
    stripped = stripped.replace("đ", "d")
    return _SPACES.sub(" ", _PUNCT.sub(" ", stripped)).strip()


# Vietnamese alphabet order; tone marks order second (no mark, huyền, sắc, hỏi, ngã, nặng).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_BASE_RANK = {ch: index for index, ch in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}


def _letters(text: str) -> list[tuple[str, int]]:
    """Split text into (base letter, tone) pairs, keeping other characters as they are."""
    result: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.category(ch) != "Mn" or not result:
            result.append((ch, 0))
            continue
        base, tone = result[-1]
        if ch in _TONES:
            result[-1] = (base, _TONES[ch])
        else:
            result[-1] = (_LETTER_MARKS.get((base, ch), base), tone)
    return result


def sort_key(text: str) -> str:
    """A string that sorts in Vietnamese order under a plain binary comparison.

    Letters compare by the Vietnamese alphabet (a < ă < â < b … d < đ), then tones.
    Stored in a column, it lets the database ORDER BY in Vietnamese order.
    """
    letters = _letters(text)
    primary = []
    for base, _tone in letters:
        rank = _BASE_RANK.get(base)
        primary.append(chr(0x41 + rank) if rank is not None else (" " if base.isspace() else "~" + base))
    tones = "".join(str(tone) for base, tone in letters if base in _BASE_RANK)
    return "".join(primary) + "|" + tones
