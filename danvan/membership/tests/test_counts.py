"""Persons and memberships counted apart; new members, leavers and rates for a subtree and period."""

import datetime as dt

import pytest

from danvan.accounts.scope import scope_for
from danvan.core.errors import Conflict, InvalidInput, NotFound
from danvan.core.periods import Period
from danvan.membership import stats
from danvan.membership.models import Member
from danvan.membership.services.members import MemberData, eligible_set, membership_add, membership_end


def add(
    user, org, name="Nguyễn Thị Lan", birth=dt.date(1985, 3, 15), joined=dt.date(2020, 5, 1), id_number=""
):
    data = MemberData(name, birth, "female", id_number)
    return membership_add(actor=user, scope=scope_for(user), organization=org, data=data, joined_on=joined)


def test_a_person_in_three_organizations_counts_once_as_a_person(personas, tree, orgs):
    user = personas.reporter_a
    first, reason = add(user, orgs["women_a"], id_number="087185000123")
    assert reason == ""
    second, reason = add(user, orgs["farmers_a"], name="Nguyễn  Thị Lan", id_number="087 185 000 123")
    assert reason == "cùng số định danh" and second.member == first.member
    third, reason = add(user, orgs["youth_a"], joined=dt.date(2024, 3, 26))
    assert reason == "cùng họ tên, ngày sinh và địa bàn" and third.member == first.member
    add(user, orgs["women_a"], name="Lê Thị Hoa", birth=dt.date(1990, 1, 2))
    assert Member.objects.count() == 2
    scope = scope_for(personas.approver)
    for kind, count in (("hoi_phu_nu", 4), ("hoi_nong_dan", 10), ("doan_thanh_nien", 5)):
        eligible_set(
            actor=personas.approver,
            scope=scope,
            unit=tree.province,
            kind=orgs["women_a"].kind.__class__.objects.get(code=kind),
            year=2024,
            count=count,
        )

    year = Period.parse("2024")
    figures = stats.figures(unit=tree.province, period=year)
    assert set(figures) == set(stats.FIGURES)
    assert (figures["members"], figures["persons"], figures["new_members"], figures["leavers"]) == (
        4,
        2,
        1,
        0,
    )
    assert figures["eligible"] == 19 and figures["rate"] == round(100 * 4 / 19, 1)
    assert (figures["rate_women"], figures["rate_farmers"], figures["rate_youth"]) == (50.0, 10.0, 20.0)
    assert figures["members_women"] == 2 and figures["rate_union"] == 0.0

    # she leaves the farmers' union in 2025: still one person, one membership fewer
    membership_end(actor=user, scope=scope_for(user), membership=second, left_on=dt.date(2025, 2, 1))
    later = stats.figures(unit=tree.commune_a, period=Period.parse("2025"))
    assert (later["members"], later["persons"], later["leavers"]) == (3, 2, 1)
    assert stats.figures(unit=tree.commune_b, period=year)["members"] == 0
    rows = {r["code"]: r for r in stats.by_kind(unit=tree.province, period=year)}
    assert rows["hoi_phu_nu"]["members"] == 2 and rows["hoi_phu_nu"]["rate"] == 50.0


def test_the_units_own_eligible_figure_wins_over_the_sum_below(personas, tree, orgs):
    scope = scope_for(personas.approver)
    kind = orgs["women_a"].kind
    for unit, count in ((tree.commune_a, 300), (tree.commune_b, 200)):
        eligible_set(actor=personas.approver, scope=scope, unit=unit, kind=kind, year=2024, count=count)
    assert stats.eligible_by_kind(tree.province, Period.parse("2024")) == {"hoi_phu_nu": 500}
    eligible_set(actor=personas.approver, scope=scope, unit=tree.province, kind=kind, year=2024, count=480)
    assert stats.eligible_by_kind(tree.province, Period.parse("2024-H2")) == {"hoi_phu_nu": 480}
    assert stats.eligible_by_kind(tree.commune_b, Period.parse("2024")) == {"hoi_phu_nu": 200}


def test_refusals_change_nothing(personas, tree, orgs, unchanged):
    add(personas.reporter_a, orgs["women_a"])
    with unchanged():
        with pytest.raises(Conflict):
            add(personas.reporter_a, orgs["women_a"])
        with pytest.raises(NotFound):
            add(personas.reporter_b, orgs["women_a"], name="Người Khác")
        with pytest.raises(InvalidInput) as err:
            add(
                personas.reporter_a,
                orgs["farmers_a"],
                name="Trần Văn B",
                id_number="087185000123",
                birth=dt.date(2030, 1, 1),
            )
        assert "Ngày sinh 01/01/2030 không hợp lệ." in err.value.errors["__all__"]
        with pytest.raises(InvalidInput):
            eligible_set(
                actor=personas.reporter_a,
                scope=scope_for(personas.reporter_a),
                unit=tree.commune_a,
                kind=orgs["women_a"].kind,
                year=2024,
                count=-1,
            )
        with pytest.raises(NotFound):
            eligible_set(
                actor=personas.reporter_b,
                scope=scope_for(personas.reporter_b),
                unit=tree.commune_a,
                kind=orgs["women_a"].kind,
                year=2024,
                count=10,
            )
