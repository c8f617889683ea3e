"""Meetings, their conclusions and tasks, over `--years`, for every province and commune.

A commune's year: its party committee's Kế hoạch công tác dân vận (KH) in January; a giao ban at
the end of eight months, chaired by the Bí thư with the heads of the UBND, the MTTQ, the five
organizations and the Ban Xây dựng Đảng, closed with conclusions and two to four tasks due at the
end of the next month; the sơ kết of quý I, 6 tháng and 9 tháng early in the month after, and the
tổng kết in December, each with a numbered Thông báo kết luận (TB, numbered per party-committee
term) and three to five tasks due at the end of the next quarter. A province holds the sơ kết 6
tháng and the tổng kết of its Ban Tuyên giáo và Dân vận. Dialogues and citizen reception:
`generator.dialogues`.

Meetings after today are scheduled, about 2% are called off, some of the last ten days are held
without conclusions yet. Tasks due before today: about 70% done on time, 15% late, 3% cancelled,
the rest still open (overdue): 12% when the deadline is recent, 3% when it is older than 90 days.
See `generator.hosts` for the rows and the simplification on history before 1/7/2025.
"""

import calendar
import datetime as dt

from danvan.core.periods import Period
from danvan.generator import dialogues
from danvan.generator.hosts import Held, Host, MeetingSpec, on_weekday
from danvan.generator.known import ensure_known
from danvan.generator.meeting_texts import AGENDA_ITEMS, CONCLUSIONS, TASK_DESCRIPTION, TASKS
from danvan.generator.plan import Context
from danvan.meetings.models import DirectiveKind, MeetingKind

BRIEFING_ROLES = ("xdd", "tgdv", "ubnd", "mttq", "doan", "phunu", "nongdan", "ccb", "congdoan")
PROVINCE_ROLES = ("party", "ubnd", "mttq", "doan", "phunu", "nongdan", "ccb", "congdoan")
TASK_ROLES = ("xdd", "ubnd", "mttq", "doan", "phunu", "nongdan", "ccb", "congdoan", "tgdv")
# A review is held early in the month after its period; a giao ban at the end of the other months.
REVIEW_MONTHS = {3: "Q1", 6: "H1", 9: "9M", 12: ""}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def review_deadline(day: dt.date) -> dt.date:
    """Tasks of a review are due at the end of the quarter it is held in, or of the next one when
    that is less than 45 days away (a tổng kết in December sets the tasks of quý I)."""
    end = month_end(day.year, (day.month - 1) // 3 * 3 + 3)
    if end < day + dt.timedelta(days=45):
        end = month_end(end.year + end.month // 12, end.month % 12 + 3)
    return end


def generate(ctx: Context) -> None:
    ensure_known(ctx)
    years = range(ctx.window_start.year, ctx.today.year + 1)
    for province in ctx.provinces:
        host = Host(ctx, province, ctx.rng("meetings", province.code))
        for year in years:
            for period in (Period.half(year, 1), Period.whole_year(year)):
                _review(host, period, chair="tgdv", roles=PROVINCE_ROLES)
    for commune in ctx.communes:
        host = Host(ctx, commune, ctx.rng("meetings", commune.code))
        for year in years:
            _commune_year(host, year)
        dialogues.generate_for(host)


def _in_window(host: Host, day: dt.date) -> bool:
    # The window plus the current month's meetings still to come.
    return host.ctx.window_start <= day <= month_end(host.ctx.today.year, host.ctx.today.month)


def _commune_year(host: Host, year: int) -> None:
    plan_day = on_weekday(dt.date(year, 1, host.rng.randint(5, 20)))
    plan = None
    if _in_window(host, plan_day) and plan_day <= host.ctx.today:
        plan = host.directive(
            kind=DirectiveKind.PLAN,
            type_code="KH",
            day=plan_day,
            title=f"Kế hoạch thực hiện công tác dân vận năm {year}",
        )
    for month in range(1, 13):
        if month in REVIEW_MONTHS:
            code = REVIEW_MONTHS[month]
            period = Period.parse(f"{year}-{code}") if code else Period.whole_year(year)
            _review(host, period, chair="party", roles=BRIEFING_ROLES, plan=plan)
        else:
            _briefing(host, year, month)


def _agenda(host: Host) -> str:
    items = host.rng.sample(AGENDA_ITEMS, host.rng.randint(2, 3))
    return "Đánh giá " + "; ".join(items) + "."


def _briefing(host: Host, year: int, month: int) -> None:
    day = on_weekday(dt.date(year, month, host.rng.randint(24, 28)))
    if not _in_window(host, day):
        return
    label = f"tháng {month}/{year}"
    held = host.meeting(
        MeetingSpec(
            kind=MeetingKind.BRIEFING,
            title=f"Giao ban công tác dân vận {label}",
            day=day,
            hour=host.rng.choice((8, 14)),
            organizers=("party",),
            chair="party",
            attendees=BRIEFING_ROLES,
            period=Period.month(year, month).code,
            agenda=_agenda(host),
            conclusions=host.rng.choice(CONCLUSIONS),
            others=host.rng.randint(2, 8),
        )
    )
    if held.closed:
        next_month = month_end(year + month // 12, month % 12 + 1)
        _tasks(host, held, host.rng.randint(2, 4), next_month, f"tháng {next_month.month}/{next_month.year}")


def _review(
    host: Host, period: Period, *, chair: str, roles: tuple[str, ...], plan: int | None = None
) -> None:
    if period.end.month == 12:
        kind, day = MeetingKind.SUMMARY, on_weekday(dt.date(period.year, 12, host.rng.randint(15, 26)))
        title = f"Tổng kết công tác dân vận năm {period.year}, triển khai nhiệm vụ năm {period.year + 1}"
    else:
        kind = MeetingKind.REVIEW
        day = on_weekday(period.end + dt.timedelta(days=host.rng.randint(2, 10)))
        label = period.label
        title = f"Sơ kết công tác dân vận {label[:1].lower()}{label[1:]}"
    if not _in_window(host, day):
        return
    held = host.meeting(
        MeetingSpec(
            kind=kind,
            title=title,
            day=day,
            hour=8,
            organizers=(chair, "mttq") if chair != "party" else ("party",),
            chair=chair,
            attendees=roles,
            period=period.code,
            agenda=_agenda(host),
            conclusions=" ".join(host.rng.sample(CONCLUSIONS, 2)),
            others=host.rng.randint(10, 40),
            hours=4,
        ),
        notice=True,
    )
    if held.closed:
        deadline = review_deadline(day)
        _tasks(host, held, host.rng.randint(3, 5), deadline, f"đến {deadline:%d/%m/%Y}", directive=plan)


def _tasks(
    host: Host, held: Held, count: int, deadline: dt.date, when: str, directive: int | None = None
) -> None:
    roles = [role for role in TASK_ROLES if role in host.orgs]
    for role in host.rng.sample(roles, min(count, len(roles))):
        title = f"{host.rng.choice(TASKS[role])} ({when})"
        host.task(
            held, role=role, title=title, deadline=deadline, description=TASK_DESCRIPTION, directive=directive
        )
