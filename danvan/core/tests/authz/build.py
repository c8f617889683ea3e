"""Build the world of the authorization matrix: one object of each kind, owned by commune A
(or by province P where the domain keeps it there), made through the services as users make them.

A new kind of object gets a line in one of the builders here or in `build_more.py`; its name
is then usable in the `params` of an entry.
"""

import datetime as dt
import importlib
from typing import Any

from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from danvan.accounts.models import Role
from danvan.accounts.services.grants import grant_add
from danvan.accounts.services.rules import GrantSpec
from danvan.accounts.services.tokens import token_create
from danvan.accounts.services.users import user_create
from danvan.core.periods import Period
from danvan.core.tests.authz import build_more
from danvan.core.tests.authz.world import World, pdf, scope
from danvan.orgs import services as orgs
from danvan.orgs.models import OrganizationKind
from danvan.practices.models import CriteriaSet, PracticeField, Status
from danvan.practices.services.evaluation import round_add_practices, round_create
from danvan.practices.services.lifecycle import practice_transition
from danvan.practices.services.registration import practice_register
from danvan.practices.services.results import attachment_add, practice_publish
from danvan.reporting.models import ReportForm, Value
from danvan.reporting.services.submissions import submission_open, value_save
from danvan.reporting.services.workflow import submission_submit
from danvan.territory.services.neighbourhoods import neighbourhood_create


def seed_reference_data() -> None:
    """The data migrations' rows, again (idempotent): a browser test run before may have flushed them."""
    for module in (
        "danvan.reporting.migrations.0002_standard_forms",
        "danvan.campaigns.migrations.0002_seed_item_kinds_and_groups",
    ):
        importlib.import_module(module).seed(apps, None)
    from danvan.petitions import seeds
    from danvan.portal.categories import seed_categories
    from danvan.portal.models import Category

    seeds.seed(apps)
    seed_categories(Category)


def build_world(tree: Any, personas: Any, today: dt.date) -> World:
    seed_reference_data()
    world = World(
        **{name: getattr(tree, name) for name in tree.__dataclass_fields__},
        **{name: getattr(personas, name) for name in personas.__dataclass_fields__},
        today=today,
        year=today.year,
    )
    for builder in (
        accounts,
        territory,
        organizations,
        practices,
        evaluation,
        reporting,
        *build_more.BUILDERS,
    ):
        builder(world)
    return world


def accounts(w: World) -> None:
    user = user_create(
        scope=scope(w.admin),
        username="canbo_a",
        full_name="Nguyễn Văn Cán Bộ",
        password="mat-khau-rat-dai-2026!",
        email="canbo_a@danvan.test",
        grants=[GrantSpec(unit=w.commune_a, role=Role.VIEWER)],
    )
    token, _secret = token_create(user=w.reporter_a, name="Máy tổng hợp báo cáo")
    w.add(
        user=user,
        # A second grant, so that removing it leaves the user one.
        grant=grant_add(scope=scope(w.admin), user=user, unit=w.commune_a, role=Role.REPORTER),
        token=token,
        reset_uid=urlsafe_base64_encode(force_bytes(user.pk)),
        reset_token=default_token_generator.make_token(user),
    )


def territory(w: World) -> None:
    w.add(
        neighbourhood=neighbourhood_create(
            commune=w.commune_a, name="Khóm 3", kind="khom", actor=w.reporter_a
        )
    )


def organizations(w: World) -> None:
    kinds = {kind.code: kind for kind in OrganizationKind.objects.all()}
    party = orgs.organization_create(
        user=None, unit=w.commune_a, kind=kinds["cap_uy"], name="Đảng ủy phường Sóc Trăng"
    )
    front = orgs.organization_create(
        user=None, unit=w.commune_a, kind=kinds["mttq"], name="Ủy ban MTTQ Việt Nam phường Sóc Trăng"
    )
    women = orgs.organization_create(
        user=None, unit=w.commune_a, kind=kinds["hoi_phu_nu"], name="Hội Liên hiệp Phụ nữ phường Sóc Trăng"
    )
    person = orgs.person_create(user=None, full_name="Trần Văn Bình", home_unit=w.commune_a, birth_year=1975)
    position = orgs.position_add(
        user=None, person=person, organization=party, title="Bí thư Đảng ủy", start_date=dt.date(2025, 7, 1)
    )
    w.add(
        kinds=kinds,
        organization=front,
        party_a=party,
        front_a=front,
        women_a=women,
        person=person,
        position=position,
    )


def practices(w: World) -> None:
    """Registered, in progress, recognised and public; a file; a record of the old merged ward."""
    field, _ = PracticeField.objects.get_or_create(
        code="kinh-te", province=None, year=None, defaults={"name": "Kinh tế", "order": 10}
    )

    def register(name: str) -> Any:
        return practice_register(
            actor=w.reporter_a,
            scope=scope(w.reporter_a),
            unit=w.commune_a,
            field=field,
            year=w.year,
            name=name,
        )

    practice = register("Tổ Nhân dân tự quản giữ gìn vệ sinh môi trường")
    recognised = _move(
        register("Dân vận khéo trong xây dựng nông thôn mới"), w.reporter_a, Status.IN_PROGRESS
    )
    recognised = _move(recognised, w.approver, Status.EVALUATED, Status.RECOGNIZED)
    w.add(
        practice_field=field,
        practice=practice,
        running_practice=_move(register("Tuyến đường nở hoa khóm 3"), w.reporter_a, Status.IN_PROGRESS),
        candidate_practice=_move(register("Bếp ăn tình thương"), w.reporter_a, Status.IN_PROGRESS),
        recognised_practice=practice_publish(actor=w.approver, practice=recognised, public=True),
        attachment=attachment_add(actor=w.reporter_a, practice=practice, upload=pdf()),
        # A record of the old ward merged into commune A: read by those above A, as history.
        legacy_practice=practice_register(
            actor=w.admin,
            scope=scope(w.admin),
            unit=w.legacy_commune,
            field=field,
            year=2024,
            name="Khóm 3 sạch đẹp",
        ),
    )


def _move(practice: Any, user: Any, *steps: str) -> Any:
    for to in steps:
        practice = practice_transition(actor=user, scope=scope(user), practice=practice, to=to)
    return practice


def evaluation(w: World) -> None:
    """The province's round, chaired and scored by its approver, with the running practice on it."""
    found = round_create(
        actor=w.approver,
        scope=scope(w.approver),
        unit=w.province,
        year=w.year,
        title="Bình xét Dân vận khéo",
        criteria_set=CriteriaSet.objects.get(province=None, year=None),
        evaluators=[w.approver],
    )
    round_add_practices(actor=w.approver, evaluation=found, practices=[w.running_practice])
    w.add(evaluation_round=found, round_item=found.items.get())


def reporting(w: World) -> None:
    monthly, half_year = (
        ReportForm.objects.get(code="dv-xa-thang"),
        ReportForm.objects.get(code="dv-xa-6-thang"),
    )
    actor, writer = w.reporter_a, scope(w.reporter_a)

    def open_filled(form: ReportForm, period: str) -> Any:
        submission = submission_open(
            actor=actor, scope=writer, form=form, unit=w.commune_a, period=Period.parse(period)
        )
        for code, category in (
            ("propaganda_sessions", ""),
            ("dvk_registered", "mo_hinh"),
            ("dvk_registered", "dien_hinh"),
        ):
            value = Value.objects.get(submission=submission, indicator__code=code, category=category)
            value_save(actor=actor, scope=writer, value=value, raw=2, version=None, reason="Số liệu thực tế")
        return submission

    draft = open_filled(half_year, "2026-H1")
    submitted = submission_submit(actor=actor, scope=writer, submission=open_filled(monthly, "2026-M04"))
    w.add(
        report_form=half_year,
        submission=draft,
        submitted=submitted,
        value=Value.objects.get(submission=draft, indicator__code="propaganda_sessions"),
        section_code=half_year.sections[0]["code"],
    )
