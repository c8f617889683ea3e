"""Monthly report submissions of every commune over `--years`, with a value for every indicator
of the standard monthly form (the rollup cells are rebuilt from them afterwards: services.DERIVED).

Realistic timing: about 6% of months are never reported (more in the last months), 12% are
submitted late, the latest finished month is still partly in draft or waiting for approval.
Figures are drawn per indicator around a commune's own size, so provinces differ; stocks
(members, eligible population) grow slowly month after month, as LATEST indicators expect.
Rows go through the writer's raw tables (tuples, COPY on PostgreSQL): ~8.6 million values at
national scale.
"""

import datetime as dt
import random
from decimal import Decimal

from danvan.core.periods import Period
from danvan.generator.plan import Context
from danvan.generator.writer import db_date, db_datetime
from danvan.reporting.models import Aggregation, Indicator, ReportForm, Status, Submission, Value, ValueType
from danvan.territory.models import Unit

FORM = "dv-xa-thang"
MISSING = 0.06
LATE = 0.12
# indicator code → (typical monthly value for an average commune, spread)
TYPICAL = {
    "meetings_held": (4, 0.5),
    "briefings_held": (1, 0.3),
    "dialogues_held": (1, 0.8),
    "dialogue_opinions": (14, 0.8),
    "reception_sessions": (2, 0.3),
    "reception_citizens": (9, 0.7),
    "petitions_received": (6, 0.8),
    "complaints_received": (1, 1.0),
    "denunciations_received": (0.3, 1.0),
    "propaganda_sessions": (5, 0.6),
    "propaganda_attendees": (420, 0.6),
    "opinion_reports": (1, 0.2),
    "gifts_given": (35, 1.2),
    "gifts_value": (17_500_000, 1.2),
    "scholarships": (3, 1.2),
    "houses_built": (0.4, 1.2),
    "funds_raised": (45_000_000, 1.0),
    "new_members": (12, 0.8),
    "supervisions": (1, 0.8),
    "critiques": (0.3, 1.0),
    "recommendations": (3, 0.9),
    "democracy_meetings": (6, 0.6),
    "religious_visits": (2, 0.8),
    "ethnic_households": (3, 1.5),
    "labour_days": (260, 0.9),
    "land_donated": (150, 1.5),
    "roads_built": (0.4, 1.2),
    "satisfaction": (8, 0.1),
    "dvk_registered": (1.5, 0.8),
    "dvk_commended": (0.1, 1.0),
    "dvk_replicated": (0.2, 1.0),
}
DEPENDENT = {  # part of another figure of the same report
    "dvk_recognized": ("dvk_registered", 0.0, 0.9),
    "dialogue_answered": ("dialogue_opinions", 0.85, 1.0),
    "petitions_resolved": ("petitions_received", 0.7, 1.0),
    "petitions_on_time": ("petitions_resolved", 0.8, 1.0),
}


def _months(ctx: Context) -> list[Period]:
    """The finished months of the window, oldest first."""
    first = Period.month(ctx.window_start.year, ctx.window_start.month)
    last = Period.month(ctx.today.year, ctx.today.month).previous()
    return [m for m in Period.years(first.year, last.year).months() if first.start <= m.start <= last.start]


def generate(ctx: Context) -> None:
    form = ReportForm.objects.filter(code=FORM).first()
    if form is None or not ctx.communes:
        return
    items = [
        i
        for i in form.items.select_related("indicator")
        if i.indicator.aggregation not in (Aggregation.RATIO,)
    ]
    months = _months(ctx)
    submissions = ctx.writer.raw_table(Submission)
    values = ctx.writer.raw_table(Value)
    for commune in ctx.communes:
        rng = ctx.rng("reporting", commune.code)
        size = 0.4 + rng.random() * 1.6  # communes differ in size
        stock = {"members": int(2500 * size), "eligible_population": int(4200 * size)}
        for index, period in enumerate(months):
            recent = index >= len(months) - 2
            if rng.random() < (MISSING * 3 if recent else MISSING):
                continue
            status, submitted, approved = _timing(ctx, rng, form, period, recent)
            sid = ctx.writer.next_id(Submission)
            submissions.add(_submission_row(ctx, form, commune, period, sid, status, submitted, approved))
            numbers = _numbers(rng, items, size, stock)
            for (indicator, category), number in numbers.items():
                vid = ctx.writer.next_id(Value)
                values.add(_value_row(vid, sid, indicator, category, number, ctx.now))
    submissions.flush()
    values.flush()  # the rollup cells are rebuilt with the other derived tables (services.DERIVED)


def _timing(
    ctx: Context, rng: random.Random, form: ReportForm, period: Period, recent: bool
) -> tuple[str, dt.datetime | None, dt.datetime | None]:
    due = form.due_date(period)
    late = rng.random() < LATE
    day = due + dt.timedelta(days=rng.randint(1, 20)) if late else due - dt.timedelta(days=rng.randint(0, 4))
    day = min(day, ctx.today)
    submitted = dt.datetime.combine(day, dt.time(8 + rng.randint(0, 9), rng.randint(0, 59)), tzinfo=dt.UTC)
    if recent and rng.random() < 0.3:
        return Status.DRAFT, None, None
    if recent and rng.random() < 0.3:
        return Status.SUBMITTED, submitted, None
    approved = submitted + dt.timedelta(days=rng.randint(0, 5), hours=rng.randint(0, 8))
    return Status.APPROVED, submitted, min(approved, ctx.now)


def _submission_row(
    ctx: Context,
    form: ReportForm,
    commune: Unit,
    period: Period,
    sid: int,
    status: str,
    submitted: dt.datetime | None,
    approved: dt.datetime | None,
) -> tuple[object, ...]:
    # Field order of reporting.Submission (concrete fields).
    stamp = db_datetime(ctx.now)
    return (
        sid,
        form.pk,
        commune.pk,
        None,
        commune.path,
        period.code,
        db_date(period.start),
        db_date(period.end),
        db_date(form.due_date(period)),
        status,
        "{}",
        "{}",
        "",
        1,
        status == Status.APPROVED,
        db_datetime(submitted) if submitted else None,
        None,
        db_datetime(approved) if approved else None,
        None,
        stamp,
        stamp,
    )


def _numbers(
    rng: random.Random, items: list, size: float, stock: dict[str, int]
) -> dict[tuple[Indicator, str], Decimal | None]:
    numbers: dict[tuple[Indicator, str], Decimal | None] = {}
    by_code: dict[str, Decimal] = {}
    for item in items:
        indicator = item.indicator
        code = indicator.code
        if indicator.value_type == ValueType.TEXT:
            continue
        for category in indicator.category_codes():
            if code in stock:
                stock[code] += max(0, int(rng.gauss(8 * size, 6)))
                number = Decimal(stock[code])
            elif code in DEPENDENT:
                base, low, high = DEPENDENT[code]
                number = Decimal(int(by_code.get(base, Decimal(0)) * Decimal(str(rng.uniform(low, high)))))
            elif indicator.value_type == ValueType.BOOLEAN:
                number = Decimal(int(rng.random() < 0.3))
            else:
                typical, spread = TYPICAL.get(code, (1, 1.0))
                drawn = max(0.0, rng.gauss(typical * size, typical * size * spread))
                if category:
                    drawn /= len(indicator.categories)
                places = 2 if indicator.value_type == ValueType.DECIMAL else 0
                number = Decimal(str(round(drawn, places)))
                if indicator.value_type == ValueType.MONEY:
                    number = Decimal(int(drawn) // 100_000 * 100_000)
            by_code[code] = by_code.get(code, Decimal(0)) + number if category else number
            numbers[(indicator, category)] = number
    return numbers


def _value_row(
    vid: int, sid: int, indicator: Indicator, category: str, number: Decimal | None, now: dt.datetime
) -> tuple[object, ...]:
    # Field order of reporting.Value (concrete fields).
    return (vid, sid, indicator.pk, category, number, "", None, "", "", "", False, 1, db_datetime(now), None)
