"""Users and their grants: a reporter per commune and one for its MTTQ committee, a commune
leader (approver), viewers; per province two approvers, a unit admin, a reporter and viewers;
one system administrator. Some viewers also watch a neighbouring commune (a second grant).

Usernames say the role and the unit code ("nhaplieu.31510", "lanhdao.92.1", "xem.31510.3"); every
generated user has the same password, hashed once (`make_password`) and the hash reused.
"""

import random

from django.contrib.auth.hashers import make_password
from django.db.models import Q

from danvan.accounts.models import Grant, Role, User
from danvan.generator.names import person_name
from danvan.generator.plan import Context
from danvan.territory.models import Unit

PREFIXES = ("nhaplieu.", "mttq.", "lanhdao.", "quantri.", "xem.")
SYSTEM_ADMIN = "quantri.hethong"
PROVINCE_VIEWERS = 5
COMMUNE_VIEWERS = (4, 9)
SECOND_GRANT = 0.1


def existing_usernames() -> list[str]:
    """Usernames the generator would use that are taken already (at most a few, for the message)."""
    taken = Q()
    for prefix in PREFIXES:
        taken |= Q(username__istartswith=prefix)
    return list(User.objects.filter(taken).order_by("username").values_list("username", flat=True)[:3])


class Accounts:
    def __init__(self, ctx: Context, password: str) -> None:
        self.ctx = ctx
        self.password_hash = make_password(password)

    def user(self, rng: random.Random, username: str, unit: Unit) -> int:
        user = User(
            pk=self.ctx.writer.next_id(User),
            username=username,
            full_name=person_name(rng, self.ctx.region(unit)).full_name,
            password=self.password_hash,
            date_joined=self.ctx.now,
        )
        user.search_folded = user.folded_search_text()
        self.ctx.writer.add(user)
        return user.pk

    def grant(self, user_id: int, role: str, unit_id: int | None, organization_id: int | None = None) -> None:
        self.ctx.writer.add(
            Grant(
                pk=self.ctx.writer.next_id(Grant),
                user_id=user_id,
                unit_id=unit_id,
                organization_id=organization_id,
                role=role,
            )
        )

    def province(self, province: Unit) -> None:
        rng = self.ctx.rng("accounts", province.code)
        code = province.code
        for n in (1, 2):
            self.grant(self.user(rng, f"lanhdao.{code}.{n}", province), Role.APPROVER, province.pk)
        self.grant(self.user(rng, f"quantri.{code}", province), Role.UNIT_ADMIN, province.pk)
        self.grant(self.user(rng, f"nhaplieu.{code}", province), Role.REPORTER, province.pk)
        for n in range(1, PROVINCE_VIEWERS + 1):
            self.grant(self.user(rng, f"xem.{code}.{n}", province), Role.VIEWER, province.pk)

    def commune(self, commune: Unit, neighbours: list[Unit]) -> None:
        rng = self.ctx.rng("accounts", commune.code)
        code = commune.code
        front = self.ctx.organizations.get(commune.pk, {}).get("mttq")
        self.grant(self.user(rng, f"nhaplieu.{code}", commune), Role.REPORTER, commune.pk)
        if front is not None:
            self.grant(self.user(rng, f"mttq.{code}", commune), Role.REPORTER, commune.pk, front)
        self.grant(self.user(rng, f"lanhdao.{code}", commune), Role.APPROVER, commune.pk)
        others = [c for c in neighbours if c.pk != commune.pk]
        for n in range(1, rng.randint(*COMMUNE_VIEWERS) + 1):
            viewer = self.user(rng, f"xem.{code}.{n}", commune)
            self.grant(viewer, Role.VIEWER, commune.pk)
            if others and rng.random() < SECOND_GRANT:
                self.grant(viewer, Role.VIEWER, rng.choice(others).pk)


def generate(ctx: Context) -> None:
    accounts = Accounts(ctx, ctx.password)
    admin = accounts.user(ctx.rng("accounts", "system"), SYSTEM_ADMIN, (ctx.provinces or ctx.communes)[0])
    accounts.grant(admin, Role.SYSTEM_ADMIN, None)
    for province in ctx.provinces:
        accounts.province(province)
    by_province: dict[int | None, list[Unit]] = {}
    for commune in ctx.communes:
        by_province.setdefault(commune.parent_id, []).append(commune)
    for commune in ctx.communes:
        accounts.commune(commune, by_province[commune.parent_id])
