"""Who issues a document for a unit, by default: the lines of the header block and the signature.

Party style: a commune's Party committee ("ĐẢNG ỦY PHƯỜNG SÓC TRĂNG", under "ĐẢNG BỘ THÀNH PHỐ
CẦN THƠ", symbol ĐU); for a province, its committee's dân vận board — "BAN DÂN VẬN" under "TỈNH
ỦY CAO BẰNG" (BDVTU) until the 2025 merger, "BAN TUYÊN GIÁO VÀ DÂN VẬN" (BTGDVTU) after it; for a
district before 1/7/2025, its committee's Ban Dân vận ("BAN DÂN VẬN", symbol BDVTU for a Thành ủy
or Thị ủy, BDVHU for a Huyện ủy) under "ĐẢNG BỘ TỈNH …". State style: the unit's People's
Committee (UBND). Every line can be overridden by the parameters of the request (the issuing body
knows its own name best).
"""

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from danvan.documents.official import Style
from danvan.territory.models import Kind, Level, Unit

# Longest first: "Thành phố" before a shorter word that would also match.
_KIND_WORDS = sorted({*(str(label) for label in Kind.labels), "Thành phố"}, key=len, reverse=True)


@dataclass(frozen=True)
class Identity:
    issuer: str
    superior: str
    issuer_code: str
    place: str
    authority: str
    signer_title: str
    recipients: list[str] = field(default_factory=list)


def short_name(unit: Unit) -> str:
    """ "Tỉnh Cao Bằng" → "Cao Bằng": the name without its kind word."""
    for word in _KIND_WORDS:
        if unit.name.lower().startswith(word.lower() + " "):
            return unit.name[len(word) + 1 :]
    return unit.name


def _upper(text: str) -> str:
    return text.upper()


# Ban Dân vận and Ban Tuyên giáo merged into Ban Tuyên giáo và Dân vận at central level in
# February 2025 and at provincial level in February–March 2025 (the exact day differs by province;
# the requester can override every line). Districts ended on 1/7/2025.
REORGANISED_ON = dt.date(2025, 3, 1)
# The party committee of a province or a district, and the letters of its symbol.
_COMMITTEE = {
    Kind.TINH: ("TỈNH ỦY", "TU"),
    Kind.THANH_PHO_TW: ("THÀNH ỦY", "TU"),
    Kind.HUYEN: ("HUYỆN ỦY", "HU"),
    Kind.QUAN: ("QUẬN ỦY", "QU"),
    Kind.THANH_PHO: ("THÀNH ỦY", "TU"),
    Kind.THI_XA: ("THỊ ỦY", "TU"),
}


def issuing_identity(unit: Unit, style: Style, on: dt.date | None = None) -> Identity:
    """The body that issues a unit's dân vận documents on the document's date `on` (today)."""
    on = on or dt.date.today()
    parent = unit.parent if unit.parent_id else None
    place = short_name(parent if unit.level == Level.NEIGHBOURHOOD and parent else unit)
    if style is Style.STATE:
        return Identity(
            issuer=_upper(f"Ủy ban nhân dân {unit.name}"),
            superior="",
            issuer_code="UBND",
            place=place,
            authority="TM. ỦY BAN NHÂN DÂN",
            signer_title="CHỦ TỊCH",
            recipients=["- Như trên,", "- Lưu: VT."],
        )
    if unit.level in (Level.PROVINCE, Level.DISTRICT) or parent is None:
        return _board_identity(unit, parent, place, on)
    return Identity(
        issuer=_upper(f"Đảng ủy {unit.name}"),
        superior=_upper(f"Đảng bộ {parent.name}"),
        issuer_code="ĐU",
        place=place,
        authority="T/M ĐẢNG ỦY",
        signer_title="BÍ THƯ",
        recipients=[f"- {_upper_board(parent, on)} (b/c),", "- Lưu Văn phòng Đảng ủy."],
    )


def _board_identity(unit: Unit, parent: Unit | None, place: str, on: dt.date) -> Identity:
    """The dân vận board of a province's or a district's party committee."""
    committee, letters = _COMMITTEE.get(Kind(unit.kind), ("TỈNH ỦY", "TU"))
    merged = unit.level == Level.PROVINCE and on >= REORGANISED_ON
    above = "Ban Tuyên giáo và Dân vận Trung ương" if on >= REORGANISED_ON else "Ban Dân vận Trung ương"
    if unit.level == Level.DISTRICT and parent is not None:
        above = _upper_board(parent, on)
    return Identity(
        issuer="BAN TUYÊN GIÁO VÀ DÂN VẬN" if merged else "BAN DÂN VẬN",
        superior=(
            _upper(f"Đảng bộ {parent.name}")
            if unit.level == Level.DISTRICT and parent
            else f"{committee} {_upper(short_name(unit))}"
        ),
        issuer_code=f"{'BTGDV' if merged else 'BDV'}{letters}",
        place=place,
        authority="",
        signer_title="TRƯỞNG BAN",
        recipients=[f"- {above} (b/c),", f"- Thường trực {committee.capitalize()} (b/c),", "- Lưu."],
    )


def _upper_board(unit: Unit, on: dt.date) -> str:
    """The dân vận board above a commune or a district, as a recipient line names it."""
    committee, _ = _COMMITTEE.get(Kind(unit.kind), ("TỈNH ỦY", "TU"))
    board = (
        "Ban Tuyên giáo và Dân vận"
        if unit.level == Level.PROVINCE and on >= REORGANISED_ON
        else "Ban Dân vận"
    )
    return f"{board} {committee.capitalize()} {short_name(unit)}"


# An organization issuing a document about its own work (a meeting it held, a campaign it ran).

PARTY_KINDS = frozenset(
    {
        "cap_uy",
        "ban_tuyen_giao_dan_van",
        "ban_xay_dung_dang",
        "uy_ban_kiem_tra",
        "van_phong_cap_uy",
        "chi_bo_dang_bo",
        "ban_dan_van",
    }
)
# The Fatherland Front and the associations write in the state frame (national title and motto),
# signed for their standing committee.
_STATE_AUTHORITY = {"mttq": "TM. BAN THƯỜNG TRỰC", "ubnd": "TM. ỦY BAN NHÂN DÂN"}
_STATE_CODE = {"mttq": "MTTQ-BTT", "ubnd": "UBND", "hdnd": "HĐND"}


def organization_style(kind_code: str) -> Style:
    return Style.PARTY if kind_code in PARTY_KINDS else Style.STATE


def organization_identity(organization: Any, style: Style) -> Identity:
    """The frame lines when `organization` issues the document in `style`."""
    base = issuing_identity(organization.unit, style)
    code = organization.kind.code
    if code == "cap_uy" or (style is Style.STATE and code == "ubnd"):
        return base  # the committee itself: the unit's own lines
    name = _upper(organization.name)
    if style is Style.PARTY:
        committee = base.superior if base.issuer_code.startswith("BDV") else base.issuer
        return replace(
            base,
            issuer=name,
            superior=committee,
            issuer_code=organization.short_name or base.issuer_code,
            authority="",
            signer_title="TRƯỞNG BAN" if code.startswith("ban_") else base.signer_title,
        )
    return replace(
        base,
        issuer=name,
        issuer_code=organization.short_name or _STATE_CODE.get(code, base.issuer_code),
        authority=_STATE_AUTHORITY.get(code, "TM. BAN THƯỜNG VỤ"),
        signer_title="BÍ THƯ" if code == "doan_thanh_nien" else "CHỦ TỊCH",
    )
