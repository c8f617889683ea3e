"""The demo's illustrative member lists: one person in three organizations, idempotent."""

from danvan.core.periods import Period
from danvan.demo.services import demo_load
from danvan.demo.tests.conftest import mini_territory  # noqa: F401  (fixture)
from danvan.membership import demo, stats
from danvan.membership.models import Membership
from danvan.territory.models import Unit


def test_load_is_idempotent(mini_territory):  # noqa: F811
    demo_load()
    demo.load()
    count = Membership.objects.count()
    demo.load()
    assert count == Membership.objects.count() == 3 * (20 + 15 + 10)
    ward = Unit.objects.get(code="29955")
    figures = stats.figures(unit=ward, period=Period.whole_year(Membership.objects.first().created_at.year))
    assert (
        figures["members"] == 45 and figures["persons"] == 43 and figures["rate"] == round(100 * 45 / 430, 1)
    )
