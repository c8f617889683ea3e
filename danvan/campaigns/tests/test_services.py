"""Campaign services: goals and roll-up of sub-campaigns, contributions, distributions, beneficiary
lists, and every refusal leaving the database as it was."""

import datetime as dt

import pytest

from danvan.accounts.scope import scope_for
from danvan.campaigns.models import Beneficiary, ContributionKind, Distribution, DonorType
from danvan.campaigns.selectors import campaign_progress
from danvan.campaigns.services import (
    ContributionData,
    DistributionData,
    Recipient,
    beneficiaries_add,
    contribution_add,
    distribution_add,
)
from danvan.campaigns.tests.conftest import group, kind
from danvan.core.errors import Conflict, InvalidInput, NotFound

DAY = dt.date(2026, 1, 20)


def give(
    campaign,
    user,
    *,
    quantity=100,
    value=50_000_000,
    unit=None,
    day=DAY,
    item="suat_qua",
    groups=("ho_ngheo",),
):
    data = DistributionData(
        unit=unit or campaign.unit,
        item_kind=kind(item),
        groups=[group(g) for g in groups],
        quantity=quantity,
        value=value,
        distributed_on=day,
    )
    return distribution_add(actor=user, scope=scope_for(user), campaign=campaign, data=data)


def money(campaign, user, amount, day=DAY, donor_type=DonorType.ENTERPRISE, name="Công ty TNHH Ánh Dương"):
    data = ContributionData(
        kind=ContributionKind.MONEY, donor_type=donor_type, donor_name=name, amount=amount, received_on=day
    )
    return contribution_add(actor=user, scope=scope_for(user), campaign=campaign, data=data)


def test_sub_campaigns_roll_up_against_the_province_goal(make_campaign, personas, tree):
    parent = make_campaign(
        "Tết vì người nghèo 2026 — toàn thành phố",
        user=personas.approver,
        unit=tree.province,
        goal_money=1_000_000_000,
        goal_items={kind("suat_qua"): 500},
    )
    child_a = make_campaign("Tết vì người nghèo — phường Sóc Trăng", parent=parent)
    child_b = make_campaign(
        "Tết vì người nghèo — phường Phú Lợi", user=personas.reporter_b, unit=tree.commune_b, parent=parent
    )
    assert child_a.tree_path.startswith(parent.tree_path)
    money(child_a, personas.reporter_a, 300_000_000)
    money(child_b, personas.reporter_b, 200_000_000, donor_type=DonorType.ANONYMOUS, name="bỏ đi")
    goods = ContributionData(
        kind=ContributionKind.GOODS,
        donor_type=DonorType.INDIVIDUAL,
        donor_name="Ông Trần Văn Bình",
        amount=15_000_000,
        goods="Gạo",
        quantity=1_000,
        quantity_unit="kg",
        received_on=DAY,
    )
    contribution_add(actor=personas.approver, scope=scope_for(personas.approver), campaign=parent, data=goods)
    give(child_a, personas.reporter_a, quantity=200)
    give(child_b, personas.reporter_b, quantity=150, value=None)

    progress = campaign_progress(parent)
    assert (progress.money, progress.goods_value, progress.raised) == (500_000_000, 15_000_000, 515_000_000)
    assert progress.money_share == 51.5 and progress.sub_campaigns == 2
    assert [(g.goal, g.achieved, g.share) for g in progress.goals] == [(500, 350, 70.0)]
    assert [line.sentence for line in progress.lines] == ["350 suất quà cho hộ nghèo, trị giá 50 triệu đồng"]
    assert campaign_progress(child_a).money == 300_000_000
    assert child_b.contributions.get().donor_name == ""  # anonymous keeps no name


def test_a_sub_campaign_stays_inside_its_parent(make_campaign, personas, tree, unchanged):
    parent = make_campaign(unit=tree.commune_a)
    with unchanged(), pytest.raises(InvalidInput) as err:
        make_campaign(
            "Ra ngoài", user=personas.approver, unit=tree.commune_b, parent=parent, end=dt.date(2026, 3, 31)
        )
    assert "thuộc địa bàn" in err.value.errors["parent"][0]
    assert "thời gian của cuộc vận động cấp trên" in err.value.errors["parent"][1]


def test_a_distribution_dated_outside_its_campaign_is_refused(make_campaign, personas, unchanged):
    campaign = make_campaign()
    with unchanged(), pytest.raises(InvalidInput) as err:
        give(campaign, personas.reporter_a, day=dt.date(2026, 3, 5))
    assert err.value.errors["distributed_on"] == [
        "Đợt trao ngày 05/03/2026 nằm ngoài thời gian của cuộc vận động (01/01/2026 – 28/02/2026)."
    ]


@pytest.mark.parametrize(
    ("quantity", "value", "field", "text"),
    [
        (0, None, "quantity", "lớn hơn 0"),
        (-5, None, "quantity", "lớn hơn 0"),
        (50_000_000, None, "quantity", "quá lớn"),
        (10, -1, "value", "không được âm"),
        (10, 4 * 10**12, "value", "kiểm tra lại số chữ số"),
    ],
)
def test_absurd_quantities_and_values_are_refused(
    make_campaign, personas, unchanged, quantity, value, field, text
):
    campaign = make_campaign()
    with unchanged(), pytest.raises(InvalidInput) as err:
        give(campaign, personas.reporter_a, quantity=quantity, value=value)
    assert text in err.value.errors[field][0]


def test_contributions_are_checked(make_campaign, personas, unchanged):
    campaign = make_campaign()
    bad = ContributionData(
        kind=ContributionKind.GOODS,
        donor_type=DonorType.INDIVIDUAL,
        amount=-1,
        received_on=dt.date(2025, 12, 1),
    )
    with unchanged(), pytest.raises(InvalidInput) as err:
        contribution_add(
            actor=personas.reporter_a, scope=scope_for(personas.reporter_a), campaign=campaign, data=bad
        )
    assert set(err.value.errors) == {"donor_name", "amount", "goods", "quantity", "received_on"}


def test_outsiders_change_nothing(make_campaign, personas, tree, unchanged):
    campaign = make_campaign()
    for user in (personas.reporter_b, personas.other_approver):
        with unchanged(), pytest.raises(NotFound):
            money(campaign, user, 1_000_000)
        with unchanged(), pytest.raises(NotFound):
            give(campaign, user)
    # a province approver may write in commune A, but not give in another province's commune
    with unchanged(), pytest.raises(NotFound):
        give(campaign, personas.reporter_a, unit=tree.commune_c)


def test_a_household_receiving_twice_in_a_campaign_is_a_warning(make_campaign, personas, unchanged):
    campaign = make_campaign()
    first = give(campaign, personas.reporter_a, quantity=3)
    second = give(campaign, personas.reporter_a, quantity=2, item="bao_hiem_y_te")
    scope = scope_for(personas.reporter_a)
    beneficiaries_add(
        actor=personas.reporter_a,
        scope=scope,
        distribution=first,
        recipients=[Recipient("Nguyễn Văn An", "Khóm 1", 1958), Recipient("Lê Thị Bé", "Khóm 2")],
    )
    again = [Recipient("nguyen van an", "khom 1")]
    with unchanged(), pytest.raises(Conflict) as err:
        beneficiaries_add(actor=personas.reporter_a, scope=scope, distribution=second, recipients=again)
    assert err.value.code == "beneficiary_repeat" and "nguyen van an (khom 1)" in err.value.message
    beneficiaries_add(
        actor=personas.reporter_a, scope=scope, distribution=second, recipients=again, allow_repeat=True
    )
    assert Beneficiary.objects.filter(campaign=campaign).count() == 3
    with unchanged(), pytest.raises(InvalidInput) as too_many:
        beneficiaries_add(
            actor=personas.reporter_a,
            scope=scope,
            distribution=first,
            recipients=[Recipient("A", "Khóm 3"), Recipient("B", "Khóm 3")],
        )
    assert "vượt số lượng" in too_many.value.errors["recipients"][0]
    with unchanged(), pytest.raises(NotFound):
        beneficiaries_add(
            actor=personas.reporter_b,
            scope=scope_for(personas.reporter_b),
            distribution=first,
            recipients=again,
        )


def test_groups_make_one_bucket(make_campaign, personas):
    campaign = make_campaign()
    d = give(campaign, personas.reporter_a, groups=("ho_can_ngheo", "ho_ngheo"))
    assert Distribution.objects.get(pk=d.pk).groups_label == "hộ nghèo, hộ cận nghèo"
    assert d.groups_key == "ho_can_ngheo,ho_ngheo"
