"""Generating a data set: the domain modules in order, in one transaction, recorded once.

Idempotent per scale, seed, years and province: running the same generation again finds its
record and writes nothing; a different one on a database that already holds a generation is
refused (use another database), since the two would mix.
"""

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.audit.services import audit_record
from danvan.generator import (
    accounts,
    campaigns,
    meetings,
    membership,
    orgs,
    petitions,
    practices,
    reporting,
    territory,
)
from danvan.generator.models import GenerationRun
from danvan.generator.plan import DEMO_COMMUNES, Context, Scale, TerritoryMissing, select_units
from danvan.generator.writer import analyze, foreign_keys_checked_once
from danvan.orgs.models import Organization
from danvan.practices.models import PracticeCell, PracticePresence, PracticeReach
from danvan.practices.services.tally import tally_rebuild
from danvan.reporting.models import CompletenessCell, RollupCell
from danvan.reporting.services.completeness import completeness_refresh
from danvan.reporting.services.rollups import rollups_rebuild
from danvan.territory.models import Level, Unit

DEFAULT_PASSWORD = "DanVan@Bench2026"

# The domain modules, in the order they run; each reads what the ones before it registered in
# the Context (or, run alone with --only, what generator.known reads back from the database).
DOMAINS: list[tuple[str, Callable[[Context], None]]] = [
    ("territory", territory.generate),
    ("orgs", orgs.generate),
    ("accounts", accounts.generate),
    ("practices", practices.generate),
    ("reporting", reporting.generate),
    ("petitions", petitions.generate),
    ("meetings", meetings.generate),
    ("campaigns", campaigns.generate),
    ("membership", membership.generate),
]

# Derived and cached tables the apps keep from their records, rebuilt once every domain has
# written its rows (written raw, past the services that keep those tables exact): (name, the
# domains whose rows they are derived from, the app's own rebuild function, the models it
# fills). This is the one place to add a new one.
DERIVED: list[tuple[str, set[str], Callable[[], object], list[type[Model]]]] = [
    ("reporting rollups", {"reporting"}, rollups_rebuild, [RollupCell]),
    ("practices tally", {"practices"}, tally_rebuild, [PracticeCell, PracticeReach, PracticePresence]),
    # dropped here, computed again per form and period when first read
    ("report completeness", {"territory", "reporting"}, completeness_refresh, [CompletenessCell]),
]


def derived_rebuild(ran: list[str], progress: Callable[[str, float], None] | None, started: float) -> None:
    """Rebuild the derived tables of the domains that ran, then give the planner their statistics
    (the tables the domains wrote were analyzed by `Writer.close`)."""
    for name, domains, rebuild, models in DERIVED:
        if domains & set(ran):
            rebuild()
            analyze(models)
            if progress is not None:
                progress(name, time.monotonic() - started)


class GenerationRefused(Exception):
    pass


@dataclass
class GenerationResult:
    run: GenerationRun
    created: bool  # False when the same generation was there already
    skipped_communes: int = 0


def _check_fresh(*, scale: Scale, seed: int, years: int, province_code: str) -> GenerationRun | None:
    previous = GenerationRun.objects.order_by("pk").first()
    if previous is None:
        taken = accounts.existing_usernames()
        if taken:
            raise GenerationRefused(
                _("Tên đăng nhập %(names)s đã có: cơ sở dữ liệu này không dành cho dữ liệu sinh.")
                % {"names": ", ".join(taken)}
            )
        return None
    if previous.matches(scale=scale, seed=seed, years=years, province_code=province_code):
        return previous
    raise GenerationRefused(
        _(
            "Cơ sở dữ liệu đã có dữ liệu sinh (%(previous)s); không sinh thêm %(scale)s seed=%(seed)s "
            "years=%(years)s. Hãy dùng một cơ sở dữ liệu khác."
        )
        % {"previous": previous, "scale": scale, "seed": seed, "years": years}
    )


def dataset_generate(
    *,
    scale: Scale,
    seed: int,
    years: int,
    province_code: str,
    password: str = DEFAULT_PASSWORD,
    today: dt.date | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> GenerationResult:
    province_code = "" if scale == Scale.NATIONAL else province_code
    previous = _check_fresh(scale=scale, seed=seed, years=years, province_code=province_code)
    if previous is not None:
        return GenerationResult(previous, created=False)
    day = today or timezone.localdate()
    try:
        provinces, communes, skipped = select_units(scale, province_code, day)
    except TerritoryMissing as exc:
        if exc.args:
            raise GenerationRefused(
                _("Không có tỉnh, thành phố mã %(code)s.") % {"code": exc.args[0]}
            ) from exc
        raise GenerationRefused(_("Chưa nạp địa bàn: hãy chạy `manage.py load_territory` trước.")) from exc
    if not provinces and not communes:
        raise GenerationRefused(_("Các đơn vị được chọn đều đã có dữ liệu; không có gì để sinh."))
    ctx = Context(
        scale=scale,
        seed=seed,
        years=years,
        today=day,
        provinces=provinces,
        communes=communes,
        password=password,
    )
    started = time.monotonic()
    with transaction.atomic(), foreign_keys_checked_once():
        for name, generate in DOMAINS:
            generate(ctx)
            if progress is not None:
                progress(name, time.monotonic() - started)
        rows = ctx.writer.close()
        derived_rebuild([name for name, _generate in DOMAINS], progress, started)
        run = GenerationRun.objects.create(
            scale=scale,
            seed=seed,
            years=years,
            province_code=province_code,
            as_of=day,
            rows=rows,
            seconds=round(time.monotonic() - started, 1),
        )
        audit_record(actor=None, action="generator.generate", obj=run, changes={"rows": rows})
    return GenerationResult(run, created=True, skipped_communes=skipped)


def filled_units(scale: Scale, province_code: str, day: dt.date) -> tuple[list[Unit], list[Unit]]:
    """(provinces, communes) of the scale that hold organizations, i.e. that a generation filled."""
    current = Unit.objects.valid_on(day)
    provinces = current.filter(level=Level.PROVINCE).order_by("code")
    if scale != Scale.NATIONAL:
        provinces = provinces.filter(code=province_code)
    filled = Organization.objects.values("unit_id")
    communes = list(
        current.filter(level=Level.COMMUNE, parent__in=provinces, pk__in=filled)
        .select_related("parent")
        .order_by("code")
    )
    return list(provinces), communes[:DEMO_COMMUNES] if scale == Scale.DEMO else communes


def dataset_extend(
    *,
    only: list[str],
    scale: Scale,
    seed: int,
    years: int,
    province_code: str,
    today: dt.date | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> GenerationResult:
    """Run only the domains `only` over the same generation already in the database (a domain
    added after it was made), on the communes it filled; their rows join the run's record.
    Refused without that generation, for an unknown domain, or when a table written is in the
    record already (the domain ran before)."""
    province_code = "" if scale == Scale.NATIONAL else province_code
    chosen = [(name, generate) for name, generate in DOMAINS if name in only]
    if len(chosen) != len(set(only)):
        raise GenerationRefused(_("Không có phần sinh %(names)s.") % {"names": ", ".join(only)})
    previous = GenerationRun.objects.order_by("pk").first()
    if previous is None or not previous.matches(
        scale=scale, seed=seed, years=years, province_code=province_code
    ):
        raise GenerationRefused(_("--only chỉ bổ sung cho đúng lần sinh đã có (cùng quy mô, seed, years)."))
    day = previous.as_of if today is None else today
    provinces, communes = filled_units(scale, province_code, day)
    ctx = Context(scale=scale, seed=seed, years=years, today=day, provinces=provinces, communes=communes)
    started = time.monotonic()
    with transaction.atomic(), foreign_keys_checked_once():
        for name, generate in chosen:
            generate(ctx)
            if progress is not None:
                progress(name, time.monotonic() - started)
        rows = ctx.writer.close()
        derived_rebuild([name for name, _generate in chosen], progress, started)
        again = sorted(set(rows) & set(previous.rows))
        if again:
            raise GenerationRefused(_("Đã sinh %(tables)s rồi.") % {"tables": ", ".join(again)})
        previous.rows = {**previous.rows, **rows}
        previous.seconds = round(previous.seconds + time.monotonic() - started, 1)
        previous.save(update_fields=["rows", "seconds"])
        audit_record(actor=None, action="generator.extend", obj=previous, changes={"rows": rows})
    return GenerationResult(previous, created=True)
