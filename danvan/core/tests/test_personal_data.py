"""Personal data: one registry, export and erasure of one data subject (totals unchanged), access
logged, and a guard that a new personal-looking field cannot be added without registering it."""

import io
import json
import re

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models
from django.test import Client

from danvan.accounts.models import User
from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core import personal_data
from danvan.orgs import services as org_services
from danvan.orgs.models import OrganizationKind, Person, Position
from danvan.practices.models import Kind, Practice, PracticeField, Subject
from danvan.practices.services.registration import practice_register
from danvan.practices.stats import practice_stats

NAME = "Trần Thị Bích Ngọc"


@pytest.fixture
def ngoc(personas, tree):
    """A person with a position, an individual exemplar named after her, and a neighbour."""
    kind = OrganizationKind.objects.get(code="mttq")
    org = org_services.organization_create(
        user=None, unit=tree.commune_a, kind=kind, name="Ủy ban MTTQ phường"
    )
    person = org_services.person_create(
        user=None, full_name=NAME, gender="female", birth_year=1975, home_unit=tree.commune_a
    )
    org_services.position_add(
        user=None, person=person, organization=org, title="Chủ tịch", note=f"Theo lời bà {NAME}"
    )
    other = org_services.person_create(user=None, full_name="Lê Văn Tám", home_unit=tree.commune_a)
    field, _ = PracticeField.objects.get_or_create(
        code="kinh-te", province=None, year=None, defaults={"name": "Kinh tế", "order": 10}
    )
    practice_register(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        unit=tree.commune_a,
        field=field,
        year=2026,
        name=f"Bà {NAME} với nghề nuôi ong",
        kind=Kind.EXEMPLAR,
        subject=Subject.INDIVIDUAL,
        person=person,
        content={"activities": f"{NAME.upper()} hướng dẫn bà con"},
    )
    return person, other


def totals(tree):
    stats = practice_stats(unit=tree.province, year=2026)
    return (
        Person.objects.count(),
        Position.objects.count(),
        Practice.objects.count(),
        stats.total,
        AuditEvent.objects.filter(action="person.create").count(),
    )


def _everything_registered(subject_kind: str, *, audit: bool = True) -> str:
    """The text of every registered field of every registered model, all rows."""
    parts = []
    for entry in personal_data.REGISTRY:
        if entry.subject == subject_kind and (audit or entry.model != "audit.AuditEvent"):
            for values in entry.model_class()._default_manager.values(*entry.fields):
                parts.append(json.dumps(values, ensure_ascii=False, default=str))
    return "\n".join(parts)


def test_export_holds_every_registered_record(ngoc):
    person, _ = ngoc
    out = io.StringIO()
    call_command("personal_data_export", person=person.pk, stdout=out)
    data = json.loads(out.getvalue())
    assert data["subject"] == {"kind": "person", "model": "orgs.Person", "id": person.pk}
    records = data["records"]
    assert records["orgs.Person"][0]["full_name"] == NAME and records["orgs.Person"][0]["birth_year"] == 1975
    assert records["orgs.Position"][0]["title"] == "Chủ tịch"
    assert NAME in records["practices.Practice"][0]["name"]
    assert any(row["object_repr"] == NAME for row in records["audit.AuditEvent"])
    assert "Lê Văn Tám" not in out.getvalue()
    # The export itself is logged.
    assert AuditEvent.objects.filter(action="personal_data.access", object_id=str(person.pk)).count() == 1


def test_erase_anonymises_everywhere_and_keeps_totals(ngoc, tree):
    person, other = ngoc
    before = totals(tree)
    call_command("personal_data_erase", person=person.pk, interactive=False, stdout=io.StringIO())
    assert totals(tree) == before
    person.refresh_from_db()
    assert person.full_name == f"Người đã ẩn danh #{person.pk}"
    assert person.birth_year is None and person.gender == ""
    assert person.home_unit == tree.commune_a  # where the record is kept is not personal to her
    practice = Practice.objects.get(person=person)
    assert practice.name == f"Bà Người đã ẩn danh #{person.pk} với nghề nuôi ong"
    assert practice.is_public is False and practice.public_consent is False
    text = _everything_registered("person")
    for trace in (NAME, NAME.upper(), "tran thi bich ngoc", "1975"):
        assert trace.lower() not in text.lower(), trace
    assert "tran thi bich ngoc" not in practice.search_text
    other.refresh_from_db()
    assert other.full_name == "Lê Văn Tám"
    erased = AuditEvent.objects.get(action="personal_data.erase")
    assert erased.object_repr == person.full_name and NAME not in json.dumps(
        erased.changes, ensure_ascii=False
    )


def test_erase_twice_changes_nothing_more(ngoc, tree):
    person, _ = ngoc
    personal_data.erase(personal_data.subject_for("person", person.pk))
    first = _everything_registered("person", audit=False)
    personal_data.erase(personal_data.subject_for("person", person.pk))
    assert _everything_registered("person", audit=False) == first


def test_erase_asks_and_can_be_cancelled(ngoc, monkeypatch):
    person, _ = ngoc
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError):
        call_command("personal_data_erase", person=person.pk)
    assert Person.objects.get(pk=person.pk).full_name == NAME


def test_unknown_subject_is_refused(db):
    with pytest.raises(CommandError):
        call_command("personal_data_export", person=999999)


def test_erase_a_login(personas, password, client_for):
    user = personas.reporter_a
    Client().post("/tai-khoan/dang-nhap/", {"username": user.username, "password": "sai-mat-khau"})
    grants_before = user.grants.count()
    call_command("personal_data_erase", user=user.pk, interactive=False, stdout=io.StringIO())
    user.refresh_from_db()
    assert user.username == f"an-danh-{user.pk}" and user.email == "" and user.full_name == ""
    assert not user.is_active and not user.has_usable_password()
    assert user.grants.count() == grants_before
    assert "nhaplieu_a" not in _everything_registered("user")
    login = Client().post("/tai-khoan/dang-nhap/", {"username": "nhaplieu_a", "password": password})
    assert login.status_code == 200  # no such login any more


def test_access_logging_is_deduplicated(ngoc, personas):
    person, _ = ngoc
    assert personal_data.log_access(actor=personas.approver, obj=person, purpose="view")
    assert not personal_data.log_access(actor=personas.approver, obj=person, purpose="view")
    assert personal_data.log_access(actor=personas.admin, obj=person, purpose="view")
    events = AuditEvent.objects.filter(action="personal_data.access", object_id=str(person.pk))
    assert events.count() == 2


def test_apps_can_register_their_fields():
    entry = personal_data.PersonalData("orgs.Person", ("full_name",), "person", purpose="thử")
    personal_data.register(entry)
    try:
        assert "full_name" in personal_data.personal_fields(Person)
    finally:
        personal_data.REGISTRY.remove(entry)
    with pytest.raises(ValueError):
        personal_data.register(personal_data.PersonalData("orgs.Person", ("x",), "household"))


def test_every_registered_field_exists():
    for entry in personal_data.REGISTRY:
        model = entry.model_class()
        for name in entry.fields:
            model._meta.get_field(name)  # FieldDoesNotExist when a field was renamed


# Names that hold personal data wherever they appear; a field so named must be in the registry.
PERSONAL_NAME = re.compile(
    r"(^|_)(full_name|first_name|last_name|email|phone|mobile|address|birth_(year|date)|birthday|cccd|cmnd"
    r"|id_number|identity|ho_ten|dia_chi|dien_thoai|sender|petitioner|complainant|denouncer|household"
    r"|ip_address)(_|$)",
    re.IGNORECASE,
)


def test_personal_looking_fields_are_registered():
    """A new field such as `sender_phone` fails here until its app registers it (see the module)."""
    registered = {(e.model.lower(), f) for e in personal_data.REGISTRY for f in e.fields}
    missing = []
    for model in apps.get_models():
        if not model.__module__.startswith("danvan."):
            continue
        for model_field in model._meta.get_fields():
            name = model_field.name
            personal = isinstance(model_field, models.Field) and PERSONAL_NAME.search(name)
            if personal and (model._meta.label_lower, name) not in registered:
                missing.append(f"{model._meta.label}.{name}")
    assert missing == [], "register these in danvan.core.personal_data: " + ", ".join(missing)


def test_user_export_lists_the_login_and_its_audit_trail(personas):
    user = User.objects.get(pk=personas.reporter_b.pk)
    data = personal_data.export(personal_data.subject_for("user", user.pk))
    assert data["records"]["accounts.User"][0]["username"] == "nhaplieu_b"
