"""Vietnamese number, money, percent and date formats, used by every page and document.

"." groups thousands and "," is the decimal mark: 9.365; 4,5 tỷ đồng; 95,5%; 25/08/2020.
The API never uses these: it returns plain numbers and ISO dates.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

Number = int | float | Decimal


def format_number(value: Number | None, decimals: int = 0) -> str:
    """9365 → "9.365"; 4.5 with decimals=1 → "4,5"; trailing ",0" is dropped."""
    if value is None:
        return "—"
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    fraction = fraction.rstrip("0")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


_SCALES: tuple[tuple[int, str], ...] = ((10**9, "tỷ"), (10**6, "triệu"))


def format_money(value: Number | None, *, words: bool = True) -> str:
    """Money in đồng: 4_500_000_000 → "4,5 tỷ đồng"; 350_000 → "350.000 đồng"."""
    if value is None:
        return "—"
    amount = Decimal(str(value))
    if words:
        for scale, name in _SCALES:
            if abs(amount) >= scale:
                return f"{format_number(amount / scale, 2)} {name} đồng"
    return f"{format_number(value)} đồng"


def format_percent(value: Number | None, decimals: int = 1) -> str:
    """95.5 → "95,5%"; 100 → "100%"."""
    if value is None:
        return "—"
    return f"{format_number(value, decimals)}%"


def format_date(value: dt.date | dt.datetime | None) -> str:
    """dd/mm/yyyy, the form of every Vietnamese administrative document."""
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y")


def format_datetime(value: dt.datetime | None) -> str:
    """ "14:05 ngày 25/08/2020" in the local time zone."""
    if value is None:
        return "—"
    from django.utils import timezone

    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local:%H:%M} ngày {local:%d/%m/%Y}"
