"""The demo's Hồng Ngự 2022 campaign: found in the territory, rolled up, idempotent."""

from danvan.campaigns import demo, stats
from danvan.campaigns.models import Campaign, Distribution
from danvan.campaigns.tests.test_stats import ARTICLE
from danvan.core.periods import Period
from danvan.demo.tests.conftest import mini_territory  # noqa: F401  (fixture)
from danvan.territory.models import Unit


def test_load_is_idempotent_and_rolls_up_to_dong_thap(mini_territory, catalog):  # noqa: F811
    demo.load()
    demo.load()
    assert Campaign.objects.count() == 1 and Distribution.objects.count() == 4
    dong_thap = Unit.objects.get(code="82", valid_to__isnull=True)
    lines = stats.lines(unit=dong_thap, period=Period.parse("2022"))
    assert [line.sentence for line in lines] == ARTICLE
