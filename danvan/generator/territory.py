"""Neighbourhoods below each chosen commune, named as their region names them.

Codes, validity and derived fields follow territory.services.neighbourhoods: code
"<commune code>-NNN", valid from the commune's start, not official; path, depth, folded name
and sort key from territory.tree.set_derived_fields.
"""

from danvan.generator.plan import Context, Neighbourhood, Scale
from danvan.generator.regions import neighbourhood_names
from danvan.territory.models import Kind, Level, Unit
from danvan.territory.tree import set_derived_fields

MEAN_PER_COMMUNE = 30  # about 100,000 neighbourhoods below 3,321 communes (ADR 0001)
MEAN_PER_SPECIAL_ZONE = 12  # đặc khu are islands with few villages


def neighbourhood_count(ctx: Context, commune: Unit, rng_value: float) -> int:
    mean = MEAN_PER_SPECIAL_ZONE if commune.kind == Kind.DAC_KHU else MEAN_PER_COMMUNE
    if ctx.scale == Scale.DEMO:
        mean = 8
    return max(3, round(mean * (0.4 + 1.2 * rng_value)))


def generate(ctx: Context) -> None:
    for commune in ctx.communes:
        rng = ctx.rng("territory", commune.code)
        count = neighbourhood_count(ctx, commune, rng.random())
        created = []
        for number, (name, kind) in enumerate(
            neighbourhood_names(rng, ctx.region(commune), commune.kind, count), start=1
        ):
            unit = Unit(
                pk=ctx.writer.next_id(Unit),
                code=f"{commune.code}-{number:03d}",
                name=name,
                kind=kind,
                level=Level.NEIGHBOURHOOD,
                parent=commune,
                valid_from=commune.valid_from,
                is_official=False,
            )
            set_derived_fields(unit)
            ctx.writer.add(unit)
            created.append(Neighbourhood(unit.pk, name, kind))
        ctx.neighbourhoods[commune.pk] = created
