"""Reading the figures people type: money in đồng written the Vietnamese way, and dates.

Money is written "15.000.000", "15 triệu", "4,5 tỷ", "1 tỷ 200 triệu", "khoảng 2 tỷ đồng";
Excel cells may hold plain numbers. The reverse of core/formatting.py, shared by every form,
import and API that accepts figures.
"""

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

MAX_MONEY = 10**15  # a million billion đồng: anything above is a typing error
_SCALES = {
    "ty": 10**9,
    "ti": 10**9,
    "trieu": 10**6,
    "tr": 10**6,
    "nghin": 10**3,
    "ngan": 10**3,
    "k": 10**3,
}
_FILLERS = {"khoang", "tren", "hon", "gan", "dong", "vnd", "d", "chung", "xap", "xi"}
_TOKEN = re.compile(r"(\d[\d.,]*)\s*([a-z]+)?")


class MoneyError(ValueError):
    """The text is not an amount of money; the message says how to write one."""


def _plain(text: str) -> str:
    lowered = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in lowered if unicodedata.category(ch) != "Mn")


def _number(raw: str, scaled: bool) -> Decimal:
    """ "15.000.000" → 15000000; "4,5" → 4.5; "1.5" → 1.5; "15,000,000" → 15000000."""
    text = raw.rstrip(".,")
    if "." in text and "," in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "").replace(decimal_mark, ".")
    elif "." in text:
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
            text = text.replace(".", "")
    elif "," in text:
        grouped = re.fullmatch(r"\d{1,3}(,\d{3})+", text)
        text = text.replace(",", "") if grouped and not scaled else text.replace(",", ".")
    return Decimal(text)


def _words_to_amount(words: str) -> Decimal:
    rest = " ".join(w for w in words.split() if w not in _FILLERS)
    total, position = Decimal(0), 0
    for match in _TOKEN.finditer(rest):
        if rest[position : match.start()].strip():
            raise MoneyError
        number, unit = match.group(1), match.group(2)
        unit = None if unit in _FILLERS else unit
        if unit is not None and unit not in _SCALES:
            raise MoneyError
        total += _number(number, unit is not None) * (_SCALES[unit] if unit else 1)
        position = match.end()
    if position == 0 or rest[position:].strip():
        raise MoneyError
    return total


def parse_money(value: object) -> int | None:
    """An amount in đồng from what a person typed or an Excel cell; None when empty.

    Raises MoneyError with a Vietnamese explanation when it cannot be read.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise MoneyError(_money_help(str(value)))
    try:
        if isinstance(value, int | float | Decimal):
            amount = Decimal(str(value))
        else:
            amount = _words_to_amount(_plain(str(value)))
    except (MoneyError, InvalidOperation) as exc:
        raise MoneyError(_money_help(str(value))) from exc
    if amount < 0:
        raise MoneyError(_("Số tiền không được âm."))
    if amount != amount.to_integral_value():
        raise MoneyError(_("Số tiền phải là số đồng chẵn (không có phần lẻ dưới 1 đồng)."))
    if amount > MAX_MONEY:
        raise MoneyError(_("Số tiền quá lớn; hãy kiểm tra lại số chữ số."))
    return int(amount)


def _money_help(text: str) -> str:
    return _(
        "Không hiểu số tiền «%(text)s». Hãy ghi số đồng (ví dụ 15.000.000) "
        "hoặc kèm đơn vị triệu, tỷ (ví dụ 15 triệu, 4,5 tỷ, 1 tỷ 200 triệu)."
    ) % {"text": text[:60]}


DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(value: object) -> dt.date | None:
    """A date from an Excel cell (a date, or text dd/mm/yyyy or yyyy-mm-dd); None when empty.

    Raises ValueError with a Vietnamese message when it cannot be read.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(str(value).strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(
        _("Không hiểu ngày «%(text)s»; hãy ghi dạng ngày/tháng/năm, ví dụ 15/03/2026.")
        % {"text": str(value)[:30]}
    )


def parse_number(value: object) -> Decimal | None:
    """A figure typed the Vietnamese way ("9.365", "45,7") or an Excel number; None when empty.

    Raises ValueError with a Vietnamese message when it cannot be read.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(_("Không phải là một số."))
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).strip().replace(" ", "").removesuffix("%")
    negative = text.startswith("-")
    try:
        number = _number(text.lstrip("-"), scaled=False)
    except InvalidOperation as exc:
        raise ValueError(
            _("Không hiểu số «%(text)s». Viết dấu chấm ngăn hàng nghìn, dấu phẩy thập phân (9.365; 45,7).")
            % {"text": str(value)[:40]}
        ) from exc
    return -number if negative else number
