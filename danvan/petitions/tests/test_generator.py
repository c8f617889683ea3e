"""The national-scale generator's petitions: plausible mix, deadlines from the app's clocks."""

from io import StringIO

from django.core.management import call_command

from danvan.core.periods import Period
from danvan.petitions import clocks, stats
from danvan.petitions.models import Answer, Event, Petition, Status
from danvan.petitions.selectors import work_calendar


def test_generated_petitions_follow_the_clocks(tree):
    call_command("generate", "--scale", "demo", "--seed", "7", "--years", "2", stdout=StringIO())
    rows = Petition.objects.select_related("rule")
    assert 2 * 180 <= rows.count() <= 2 * 420  # two communes, ≈300 each
    assert Event.objects.count() == rows.count()
    assert Answer.objects.count() == rows.filter(answered_on__isnull=False).count()
    cal = work_calendar()
    for p in rows[:200]:
        assert p.accept_due == clocks.accept_due(p.rule, p.received_on, cal)
        assert p.rule == clocks.rule_in_force(
            type(p.rule).objects.filter(clock=p.clock, province__isnull=True), p.received_on
        )
        if p.answered_on:
            assert p.on_time == (p.answered_on <= p.resolve_due) and p.status in (
                Status.ANSWERED,
                Status.CLOSED,
            )
    assert len(set(rows.values_list("kind", flat=True))) == 6
    year = rows.order_by("-received_on").first().received_on.year
    figures = stats.figures(unit=tree.province, period=Period.parse(str(year)))
    assert figures["received"] > 0 and 40 <= figures["on_time_percent"] <= 100
