"""Rules added to the domain layer with the interfaces: field lists, people, permissions, races."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.accounts.scope import scope_for
from danvan.core.errors import DomainError, PermissionDenied
from danvan.practices.models import Attachment, Kind, Practice, PracticeField, ProgressUpdate, Status
from danvan.practices.services.registration import practice_update
from danvan.practices.services.results import practice_commend, progress_add
from danvan.practices.tests.conftest import PNG, make_person, move


def test_update_refuses_a_field_outside_the_list(register, personas, tree):
    practice = register()
    foreign = PracticeField.objects.create(
        code="rieng", name="Riêng của Cao Bằng", province=tree.other_province
    )
    with pytest.raises(DomainError) as err:
        practice_update(actor=personas.reporter_a, practice=practice, values={"field": foreign})
    assert "field" in err.value.errors and err.value.status == 422
    practice.refresh_from_db()
    assert practice.field.code == "kinh-te" and practice.version == 1


def test_an_individual_exemplar_must_belong_to_the_unit(register, tree):
    stranger = make_person(tree.commune_c, "Người ở Cao Bằng")
    with pytest.raises(DomainError) as err:
        register(kind=Kind.EXEMPLAR, subject="ca_nhan", person=stranger)
    assert "person" in err.value.errors and Practice.objects.count() == 0
    neighbour = make_person(tree.commune_a, "Người ở phường A")
    assert register(kind=Kind.EXEMPLAR, subject="ca_nhan", person=neighbour).person == neighbour


def test_only_approvers_commend_even_an_already_commended_practice(register, recognize, personas):
    practice = recognize(register())
    kwargs = {
        "form": "giay_khen",
        "issuer": "UBND phường",
        "decision_number": "1/QĐ",
        "decision_date": dt.date(2026, 10, 15),
        "recipients": "Tổ tự quản",
    }
    practice_commend(actor=personas.approver, scope=scope_for(personas.approver), practice=practice, **kwargs)
    practice.refresh_from_db()
    assert practice.status == Status.COMMENDED
    with pytest.raises(PermissionDenied):
        practice_commend(
            actor=personas.reporter_a, scope=scope_for(personas.reporter_a), practice=practice, **kwargs
        )
    assert practice.commendations.count() == 1


def test_progress_checks_every_file_before_writing(register, personas, media):
    practice = move(register(), personas.reporter_a, Status.IN_PROGRESS)
    uploads = [SimpleUploadedFile("a.png", PNG), SimpleUploadedFile("b.png", b"GIF89a not accepted")]
    with pytest.raises(DomainError):
        progress_add(
            actor=personas.reporter_a,
            practice=practice,
            on_date=dt.date(2026, 6, 1),
            summary="x",
            uploads=uploads,
        )
    assert ProgressUpdate.objects.count() == 0 and Attachment.objects.count() == 0
    assert not [p for p in media.rglob("*") if p.is_file()]
