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
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.audit.services import audit_record
from danvan.generator import accounts, orgs, territory
from danvan.generator.models import GenerationRun
from danvan.generator.plan import Context, Scale, TerritoryMissing, select_units

DEFAULT_PASSWORD = "DanVan@Bench2026"

# The domain modules, in the order they run; each reads what the ones before it registered in
# the Context. Reports, practices (Dân vận khéo), petitions and campaigns come later.
DOMAINS: list[tuple[str, Callable[[Context], None]]] = [
    ("territory", territory.generate),
    ("orgs", orgs.generate),
    ("accounts", accounts.generate),
]


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
    with transaction.atomic():
        for name, generate in DOMAINS:
            generate(ctx)
            if progress is not None:
                progress(name, time.monotonic() - started)
        rows = ctx.writer.close()
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
