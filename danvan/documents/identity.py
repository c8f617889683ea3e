"""Who issues a document for a unit, by default: the lines of the header block and the signature.

Party style: a commune's Party committee ("ĐẢNG ỦY PHƯỜNG SÓC TRĂNG", under "ĐẢNG BỘ TỈNH SÓC
TRĂNG", symbol ĐU) or, for a province, its committee's Ban Dân vận ("BAN DÂN VẬN" under "TỈNH
ỦY CAO BẰNG", symbol BDVTU). State style: the unit's People's Committee (UBND). Every line can
be overridden by the parameters of the request (the issuing body knows its own name best).
"""

from dataclasses import dataclass, field, replace
from typing import Any

from danvan.documents.official import Style
from danvan.territory.models import Kind, Level, Unit

# Longest first: "Thành phố" before a shorter word that would also match.
_KIND_WORDS = sorted({*(str(label) for label in Kind.labels), "Thành phố"}, key=len, reverse=True)
_COMMITTEE = {Kind.TINH: "TỈNH ỦY", Kind.THANH_PHO_TW: "THÀNH ỦY"}


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


def issuing_identity(unit: Unit, style: Style) -> Identity:
    parent = unit.parent if unit.parent_id else None
    is_top = unit.level == Level.PROVINCE or parent is None
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
    if is_top:
        committee = _COMMITTEE.get(Kind(unit.kind), "TỈNH ỦY")
        return Identity(
            issuer="BAN DÂN VẬN",
            superior=f"{committee} {_upper(short_name(unit))}",
            issuer_code=f"BDV{'TU' if committee == 'TỈNH ỦY' else 'THU'}",
            place=place,
            authority="",
            signer_title="TRƯỞNG BAN",
            recipients=[
                "- Ban Dân vận Trung ương (b/c),",
                f"- Thường trực {committee.capitalize()} (b/c),",
                "- Lưu.",
            ],
        )
    return Identity(
        issuer=_upper(f"Đảng ủy {unit.name}"),
        superior=_upper(f"Đảng bộ {parent.name}") if parent else "",
        issuer_code="ĐU",
        place=place,
        authority="T/M ĐẢNG ỦY",
        signer_title="BÍ THƯ",
        recipients=["- Ban Dân vận cấp trên (b/c),", "- Lưu Văn phòng Đảng ủy."],
    )


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
