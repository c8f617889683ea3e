"""Write the accounts and rows the load test uses: `python -m bench.loadtest_users OUT.json`.

- staff: commune reporters and viewers and province approvers, spread over the provinces (API);
- leaders: the commune and province approvers ("lanhdao.…"), for the dashboards;
- reporters: commune reporters whose report of the last finished month is still to be filed
  (missing, draft or returned), the end-of-period day's work; `compared`: the names of the
  indicators cross rules compare, which they leave as they are;
- approvers: province approvers of provinces with reports of that month waiting for approval;
- citizens: a province, one of its communes and a topic to send a petition about, and tracking
  codes of existing petitions to look up.

Every list is spread evenly across the country and capped (LIMIT). Uses $DATABASE_URL like manage.py.
"""

import json
import os
import sys
from pathlib import Path
from typing import Any

LIMIT = 500
FORM = "dv-xa-thang"


def accounts(limit: int = LIMIT) -> dict[str, list[dict[str, str]]]:
    from danvan.accounts.models import Grant, Role
    from danvan.territory.models import Level

    grants = (
        Grant.objects.filter(unit__isnull=False, user__username__regex=r"^(nhaplieu|xem|lanhdao)\.")
        .select_related("user", "unit__parent")
        .order_by("user__username", "pk")
    )
    staff: list[dict[str, str]] = []
    leaders: list[dict[str, str]] = []
    seen: set[str] = set()
    for grant in grants.iterator():
        unit, username = grant.unit, grant.user.username
        if unit is None or username in seen:
            continue
        seen.add(username)
        province = unit if unit.level == Level.PROVINCE else unit.parent
        row = {"username": username, "unit": unit.code, "province": province.code if province else unit.code}
        (leaders if grant.role == Role.APPROVER else staff).append(row)
        if grant.role == Role.APPROVER and unit.level == Level.PROVINCE:
            staff.append(row)
    return {"staff": _spread(staff, limit), "leaders": _spread(leaders, limit)}


def end_of_period(limit: int = LIMIT) -> dict[str, Any]:
    """Reporters with last month's report to file, approvers with reports to approve, citizens."""
    from django.utils import timezone

    from danvan.accounts.models import User
    from danvan.core.periods import Period
    from danvan.reporting.models import Status, Submission
    from danvan.territory.models import Level, Unit

    today = timezone.localdate()
    period = Period.month(today.year, today.month).previous()
    reports = Submission.objects.filter(form__code=FORM, period_code=period.code)
    filed = set(
        reports.filter(status__in=(Status.SUBMITTED, Status.APPROVED)).values_list("unit_id", flat=True)
    )
    communes = Unit.objects.filter(level=Level.COMMUNE, valid_to__isnull=True).select_related("parent")
    users = set(User.objects.filter(username__startswith="nhaplieu.").values_list("username", flat=True))
    reporters = [
        {"username": f"nhaplieu.{c.code}", "unit": c.code, "province": c.parent.code if c.parent else ""}
        for c in communes.order_by("code")
        if c.pk not in filed and f"nhaplieu.{c.code}" in users
    ]
    waiting = reports.filter(status=Status.SUBMITTED).values_list("unit__parent__code", flat=True).distinct()
    approvers = [{"username": f"lanhdao.{code}.1", "province": code} for code in sorted(set(waiting))]
    return {
        "period": period.code,
        "form": FORM,
        "compared": compared_names(),
        "reporters": _spread(reporters, limit),
        "approvers": approvers,
        "citizens": _citizens(limit),
    }


def compared_names() -> list[str]:
    """Names of the indicators a cross rule compares: the load test does not retype them."""
    from danvan.reporting.models import CrossRule, Indicator

    rules = CrossRule.objects.values_list("left_id", "right_id")
    ids = {pk for pair in rules for pk in pair}
    return sorted(Indicator.objects.filter(pk__in=ids).values_list("name", flat=True))


def _citizens(limit: int) -> dict[str, Any]:
    from danvan.petitions.models import Petition, Topic
    from danvan.territory.models import Level, Unit

    places = [
        {"province": parent, "commune": pk}
        for pk, parent in Unit.objects.filter(level=Level.COMMUNE, valid_to__isnull=True)
        .order_by("code")
        .values_list("pk", "parent__code")
    ]
    codes = list(Petition.objects.order_by("pk").values_list("tracking_code", flat=True)[: limit * 20])
    return {
        "places": _spread(places, limit),
        "topics": list(Topic.objects.filter(is_active=True).values_list("pk", flat=True)),
        "codes": _spread(codes, limit),
    }


def _spread(rows: list[Any], limit: int) -> list[Any]:
    """At most `limit` rows taken evenly across the list (so across provinces), in a stable order."""
    step = max(1, len(rows) // limit)
    return rows[::step][:limit]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "var/loadtest/users.json")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    found: dict[str, Any] = {**accounts(), **end_of_period()}
    if not found["staff"] or not found["leaders"]:
        print("No generated users: run `manage.py generate` first.", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    print(
        f"{len(found['staff'])} staff, {len(found['leaders'])} leaders, {len(found['reporters'])} reporters "
        f"and {len(found['approvers'])} approvers for {found['period']} written to {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
