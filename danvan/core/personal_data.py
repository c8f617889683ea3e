"""The one place that says which fields hold personal data (Luật Bảo vệ dữ liệu cá nhân, 2025),
how a data subject's records are found, exported and anonymised, and how access is logged.

A data subject is a person of `orgs.Person` ("person") or a login of `accounts.User` ("user").
Each `PersonalData` entry names a model, its personal fields, the way from the model to the
subject, and how to anonymise a row. Erasure anonymises in place and never deletes a row, so
every count and sum stays what it was.

An app adds its own entries from its AppConfig.ready():

    from danvan.core.personal_data import PersonalData, register
    register(PersonalData("petitions.Petition", ("sender_name", "sender_phone"), "person", "sender"))

Without an `anonymise` function, text fields become "" and nullable fields NULL. Exports and
the public site leave out `personal_fields(model)` unless a right allows.
"""

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from danvan.core.text import fold, sort_key

REDACTED = "[đã xóa]"


@dataclass(frozen=True)
class Subject:
    kind: str  # "person" or "user"
    obj: Any
    names: tuple[str, ...]  # what identifies them in free text (full name, user name)
    pseudonym: str


Rows = Callable[[Subject], QuerySet[Any]]
Anonymiser = Callable[[Any, Subject], dict[str, Any]]


@dataclass(frozen=True)
class PersonalData:
    model: str  # "app_label.ModelName"
    fields: tuple[str, ...]
    subject: str  # "person" or "user"
    link: str | Rows = "pk"  # lookup from the model to the subject's pk, or a function giving the rows
    anonymise: Anonymiser | None = None
    sensitive: bool = False  # a special category of the law (health, religion, criminal record…)
    purpose: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def rows(self, subject: Subject) -> QuerySet[Any]:
        if callable(self.link):
            return self.link(subject)
        return self.model_class()._default_manager.filter(**{self.link: subject.obj.pk}).order_by("pk")


REGISTRY: list[PersonalData] = []


def register(*entries: PersonalData) -> None:
    for entry in entries:
        if entry.subject not in SUBJECTS:
            raise ValueError(f"Unknown data subject {entry.subject!r}: use one of {sorted(SUBJECTS)}.")
        if entry not in REGISTRY:
            REGISTRY.append(entry)


def personal_fields(model: type[models.Model] | str) -> frozenset[str]:
    """The personal fields of a model, for exports and public pages to leave out."""
    label = model if isinstance(model, str) else model._meta.label
    return frozenset(f for entry in REGISTRY if entry.model.lower() == label.lower() for f in entry.fields)


# Free-text redaction


def redact(text: str, subject: Subject) -> str:
    """The text with the subject's names replaced by their pseudonym (case-insensitive)."""
    for name in sorted(subject.names, key=len, reverse=True):
        if name:
            text = re.sub(re.escape(name), subject.pseudonym, text, flags=re.IGNORECASE)
    return text


def redact_json(value: Any, subject: Subject, keys: Iterable[str] = ()) -> Any:
    """A JSON value (audit `changes`) with `keys` blanked and the subject's names redacted."""
    keys = set(keys)
    if isinstance(value, dict):
        return {k: REDACTED if k in keys else redact_json(v, subject, keys) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_json(v, subject, keys) for v in value]
    if isinstance(value, str):
        return redact(value, subject)
    return value


def _blank(row: Any, entry: PersonalData) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in entry.fields:
        model_field = row._meta.get_field(name)
        values[name] = None if model_field.null else ""
    return values


# Subjects


def _person_subject(obj: Any) -> Subject:
    return Subject("person", obj, (obj.full_name,), f"Người đã ẩn danh #{obj.pk}")


def _user_subject(obj: Any) -> Subject:
    names = tuple(n for n in (obj.full_name, obj.username, obj.email) if n)
    return Subject("user", obj, names, f"an-danh-{obj.pk}")


SUBJECTS: dict[str, tuple[str, Callable[[Any], Subject]]] = {
    "person": ("orgs.Person", _person_subject),
    "user": ("accounts.User", _user_subject),
}


def subject_for(kind: str, pk: int) -> Subject:
    """The subject `kind` with primary key `pk`; LookupError when there is none."""
    label, make = SUBJECTS[kind]
    obj = apps.get_model(label)._default_manager.filter(pk=pk).first()
    if obj is None:
        raise LookupError(f"No {label} with id {pk}.")
    return make(obj)


# Export, erasure, access log


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


def export(subject: Subject) -> dict[str, Any]:
    """Everything registered about the subject, as JSON-ready data."""
    records: dict[str, list[dict[str, Any]]] = {}
    for entry in REGISTRY:
        if entry.subject != subject.kind:
            continue
        rows = [
            {"id": row.pk, **{f: _plain(getattr(row, f)) for f in entry.fields}}
            for row in entry.rows(subject)
        ]
        if rows:
            records.setdefault(entry.model, []).extend(rows)
    return {
        "subject": {"kind": subject.kind, "model": SUBJECTS[subject.kind][0], "id": subject.obj.pk},
        "exported_at": timezone.now().isoformat(),
        "records": records,
    }


def erase(subject: Subject, *, actor: Any = None) -> dict[str, int]:
    """Anonymise every registered record of the subject, in one transaction; rows are kept.

    Returns {model label: rows anonymised}. Updates go through QuerySet.update: no save() logic,
    no timestamps moved, and the append-only audit log can have its personal values removed.
    """
    from danvan.audit.services import audit_record

    counts: dict[str, int] = {}
    with transaction.atomic():
        for entry in [e for e in REGISTRY if e.subject == subject.kind]:
            model = entry.model_class()
            for row in entry.rows(subject).select_for_update():
                values = entry.anonymise(row, subject) if entry.anonymise else _blank(row, entry)
                model._default_manager.filter(pk=row.pk).update(**values)
                counts[entry.model] = counts.get(entry.model, 0) + 1
        obj = type(subject.obj)._default_manager.get(pk=subject.obj.pk)
        audit_record(actor=actor, action="personal_data.erase", obj=obj, changes={"records": counts})
    return counts


def log_access(
    *, actor: Any, obj: models.Model, purpose: str, unit: Any = None, dedupe_seconds: int = 300
) -> bool:
    """Record that `actor` saw or exported the personal data of `obj` (an audit event).

    Repeated views of the same record by the same person within `dedupe_seconds` are logged once.
    Returns whether an event was written.
    """
    from danvan.audit.services import audit_record

    actor_id = getattr(actor, "pk", None)
    key = f"personal-data-access:{actor_id}:{obj._meta.label_lower}:{obj.pk}:{purpose}"
    if dedupe_seconds and not cache.add(key, 1, timeout=dedupe_seconds):
        return False
    audit_record(actor=actor, action="personal_data.access", obj=obj, unit=unit, changes={"purpose": purpose})
    return True


# The entries of the apps that existed when this registry was written.


def _audit_about(label: str) -> Rows:
    def rows(subject: Subject) -> QuerySet[Any]:
        model = apps.get_model("audit.AuditEvent")
        return model._default_manager.filter(object_type=label, object_id=str(subject.obj.pk)).order_by("pk")

    return rows


def _audit_about_related(label: str, related: str, link: str) -> Rows:
    """Audit events about the rows of `related` that belong to the subject (e.g. their practices)."""

    def rows(subject: Subject) -> QuerySet[Any]:
        ids = (
            apps.get_model(related)
            ._default_manager.filter(**{link: subject.obj.pk})
            .values_list("pk", flat=True)
        )
        model = apps.get_model("audit.AuditEvent")
        return model._default_manager.filter(object_type=label, object_id__in=[str(i) for i in ids]).order_by(
            "pk"
        )

    return rows


def _axes_rows(model: str) -> Rows:
    return lambda s: apps.get_model(model)._default_manager.filter(username=s.obj.username).order_by("pk")


def _anonymise_audit(keys: tuple[str, ...]) -> Anonymiser:
    def anonymise(row: Any, subject: Subject) -> dict[str, Any]:
        return {"object_repr": subject.pseudonym, "changes": redact_json(row.changes, subject, keys)}

    return anonymise


def _anonymise_person(row: Any, subject: Subject) -> dict[str, Any]:
    name = subject.pseudonym
    return {
        "full_name": name,
        "gender": "",
        "birth_year": None,
        "name_folded": fold(name),
        "sort_key": sort_key(name),
    }


def _anonymise_practice(row: Any, subject: Subject) -> dict[str, Any]:
    values: dict[str, Any] = {f: redact(getattr(row, f) or "", subject) for f in PRACTICE_TEXT}
    values["name_folded"], values["sort_key"] = fold(values["name"]), sort_key(values["name"])
    folded = Subject(
        subject.kind, subject.obj, tuple(fold(n) for n in subject.names), fold(subject.pseudonym)
    )
    values["search_text"] = redact(row.search_text, folded)
    values["public_consent"] = False
    if row.kind == "dien_hinh":  # an individual exemplar is the person: no longer shown in public
        values["is_public"] = False
    return values


def _anonymise_user(row: Any, subject: Subject) -> dict[str, Any]:
    from django.contrib.auth.hashers import make_password

    return {
        "username": subject.pseudonym,
        "full_name": "",
        "first_name": "",
        "last_name": "",
        "email": "",
        "search_folded": fold(subject.pseudonym),
        "is_active": False,
        "password": make_password(None),  # unusable
    }


PRACTICE_TEXT = ("name", "problem", "activities", "outputs", "place", "target_people", "contributions")
PERSON_KEYS = ("full_name", "gender", "birth_year")
USER_KEYS = ("username", "full_name", "email", "first_name", "last_name")

register(
    PersonalData(
        "orgs.Person",
        ("full_name", "gender", "birth_year", "home_unit", "name_folded", "sort_key"),
        "person",
        anonymise=_anonymise_person,
        purpose="Cán bộ, người giữ chức vụ trong các tổ chức",
    ),
    PersonalData(
        "orgs.Position",
        ("title", "note", "start_date", "end_date"),
        "person",
        "person",
        anonymise=lambda row, s: {"note": redact(row.note, s)},
        purpose="Chức vụ đã và đang giữ",
    ),
    PersonalData(
        "practices.Practice",
        (
            "name",
            "problem",
            "activities",
            "outputs",
            "place",
            "target_people",
            "contributions",
            "public_consent",
        ),
        "person",
        "person",
        anonymise=_anonymise_practice,
        purpose="Điển hình cá nhân trong phong trào Dân vận khéo",
    ),
    PersonalData(
        "audit.AuditEvent",
        ("object_repr", "changes"),
        "person",
        _audit_about("orgs.person"),
        anonymise=_anonymise_audit(PERSON_KEYS),
        purpose="Nhật ký thay đổi hồ sơ",
    ),
    PersonalData(
        "accounts.User",
        ("username", "full_name", "first_name", "last_name", "email", "last_login", "search_folded"),
        "user",
        anonymise=_anonymise_user,
        purpose="Tài khoản đăng nhập",
    ),
    PersonalData(
        "accounts.ApiToken",
        ("name", "last_used_at"),
        "user",
        "user",
        anonymise=lambda row, s: {"revoked_at": row.revoked_at or timezone.now()},
        purpose="Khóa API",
    ),
    PersonalData(
        "audit.AuditEvent",
        ("actor_label",),
        "user",
        "actor",
        anonymise=lambda row, s: {"actor_label": s.pseudonym},
        purpose="Người thực hiện thao tác",
    ),
    PersonalData(
        "audit.AuditEvent",
        ("object_repr", "changes"),
        "user",
        _audit_about("accounts.user"),
        anonymise=_anonymise_audit(USER_KEYS),
        purpose="Nhật ký quản trị tài khoản",
    ),
    *(
        PersonalData(
            "audit.AuditEvent",
            ("object_repr", "changes"),
            "person",
            _audit_about_related(model.lower(), model, "person"),
            anonymise=lambda row, s: {
                "object_repr": redact(row.object_repr, s),
                "changes": redact_json(row.changes, s),
            },
            purpose="Nhật ký thay đổi chức vụ, điển hình của cá nhân",
        )
        for model in ("orgs.Position", "practices.Practice")
    ),
    *(
        PersonalData(
            model,
            ("username", "ip_address", "user_agent"),
            "user",
            _axes_rows(model),
            anonymise=lambda row, s: {"username": s.pseudonym, "ip_address": None, "user_agent": ""},
            purpose="Nhật ký đăng nhập, chống dò mật khẩu",
        )
        for model in ("axes.AccessLog", "axes.AccessAttempt", "axes.AccessFailureLog")
    ),
)
