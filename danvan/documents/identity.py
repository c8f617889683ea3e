"""Who issues a document for a unit, by default: the lines of the header block and the signature.

Party style: a commune's Party committee ("ĐẢNG ỦY PHƯỜNG SÓC TRĂNG", under "ĐẢNG BỘ TỈNH SÓC
TRĂNG", symbol ĐU) or, for a province, its committee's Ban Dân vận ("BAN DÂN VẬN" under "TỈNH
ỦY CAO BẰNG", symbol BDVTU). State style: the unit's People's Committee (UBND). Every line can
be overridden by the parameters of the request (the issuing body knows its own name best).
"""

from dataclasses import dataclass, field

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
