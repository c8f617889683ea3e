"""What the territory and orgs modules register in the Context, read back from the database when
a later domain runs on its own (`generate --only meetings`) over an earlier generation."""

from danvan.generator.orgs import KINDS
from danvan.generator.plan import Context, Neighbourhood, Post
from danvan.orgs.models import Organization, Position
from danvan.territory.models import Level, Unit


def ensure_known(ctx: Context) -> None:
    """Load neighbourhoods, organizations and posts unless this run registered them already."""
    if not ctx.communes or any(c.pk in ctx.organizations for c in ctx.communes):
        return
    chosen = {c.pk for c in ctx.communes}
    for pk, parent_id, name, kind in (
        Unit.objects.filter(level=Level.NEIGHBOURHOOD, parent_id__in=chosen, valid_to__isnull=True)
        .order_by("pk")
        .values_list("pk", "parent_id", "name", "kind")
    ):
        ctx.neighbourhoods.setdefault(parent_id, []).append(Neighbourhood(pk, name, kind))
    units = chosen | {p.pk for p in ctx.provinces}
    role_of = {code: role for role, (code, _name) in KINDS.items()}
    for pk, unit_id, code in (
        Organization.objects.filter(unit_id__in=units, valid_to__isnull=True)
        .order_by("pk")
        .values_list("pk", "unit_id", "kind__code")
    ):
        if code in role_of:
            ctx.organizations.setdefault(unit_id, {}).setdefault(role_of[code], pk)
    _load_posts(ctx, units, role_of)


def _load_posts(ctx: Context, units: set[int], role_of: dict[str, str]) -> None:
    rows = (
        Position.objects.filter(organization__unit_id__in=units, organization__valid_to__isnull=True)
        .order_by("pk")
        .values_list(
            "person_id",
            "organization_id",
            "organization__unit_id",
            "organization__kind__code",
            "title",
            "start_date",
            "end_date",
        )
    )
    for person_id, organization_id, unit_id, code, title, start, end in rows:
        if code in role_of:
            post = Post(person_id, organization_id, role_of[code], title, start, end)
            ctx.posts.setdefault(unit_id, []).append(post)
