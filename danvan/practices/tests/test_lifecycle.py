import datetime as dt

import pytest

from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.errors import DomainError, NotFound, PermissionDenied
from danvan.practices.models import Practice, RegistrationCampaign, Status
from danvan.practices.services.lifecycle import allowed_targets, practice_transition
from danvan.practices.services.registration import practice_update


def move(practice, to, user, reason=""):
    return practice_transition(actor=user, scope=scope_for(user), practice=practice, to=to, reason=reason)


def test_register_derives_level_paths_and_audits(register, tree, personas):
    practice = register(content={"budget": 15_000_000, "goals": "Khóm sạch, đẹp"})
    assert practice.level == "commune" and practice.commune_path == tree.commune_a.path
    assert practice.body_type == "unit:commune"
    assert practice.status == Status.REGISTERED and not practice.is_late
    assert "kham sach" not in practice.search_text and "khom sach" in practice.search_text
    assert AuditEvent.objects.filter(action="practice.register", object_id=str(practice.pk)).count() == 1
    assert practice.status_changes.get().to_status == Status.REGISTERED


def test_late_registration_is_marked(register, tree):
    RegistrationCampaign.objects.create(
        unit=tree.province, year=2026, opens_on=dt.date(2026, 1, 1), closes_on=dt.date(2026, 3, 31)
    )
    assert register().is_late is True


def test_reporter_of_sibling_commune_cannot_register_there(register, personas, tree):
    with pytest.raises(NotFound):
        register(user=personas.reporter_b, unit=tree.commune_a)
    assert Practice.objects.count() == 0 and AuditEvent.objects.count() == 0


def test_bad_input_names_the_fields(register):
    with pytest.raises(DomainError) as err:
        register(
            name="  ",
            content={"budget": -5, "start_date": dt.date(2026, 5, 1), "evaluation_date": dt.date(2026, 1, 1)},
        )
    assert set(err.value.errors) == {"name", "budget", "evaluation_date"}
    assert Practice.objects.count() == 0


def test_full_lifecycle_with_roles(register, personas):
    practice = register()
    practice = move(practice, Status.IN_PROGRESS, personas.reporter_a)
    practice = move(practice, Status.REVIEWED, personas.reporter_a)
    assert Status.EVALUATED not in allowed_targets(practice, scope_for(personas.reporter_a))
    with pytest.raises(PermissionDenied):
        move(practice, Status.EVALUATED, personas.reporter_a)
    practice = move(practice, Status.EVALUATED, personas.approver)
    practice = move(practice, Status.RECOGNIZED, personas.approver)
    practice = move(practice, Status.OUTSTANDING, personas.approver)
    assert [c.to_status for c in practice.status_changes.all()] == [
        "registered",
        "in_progress",
        "reviewed",
        "evaluated",
        "recognized",
        "outstanding",
    ]


def test_illegal_transition_is_refused_and_nothing_changes(register, personas):
    practice = register()
    with pytest.raises(DomainError) as err:
        move(practice, Status.COMMENDED, personas.approver)
    assert err.value.code == "illegal_transition"
    assert "Đã đăng ký" in err.value.message
    practice.refresh_from_db()
    assert practice.status == Status.REGISTERED and practice.status_changes.count() == 1


def test_not_recognized_and_stopped_need_a_reason(register, personas):
    practice = move(register(), Status.IN_PROGRESS, personas.reporter_a)
    with pytest.raises(DomainError) as err:
        move(practice, Status.STOPPED, personas.reporter_a, reason=" ")
    assert err.value.code == "reason_required"
    move(practice, Status.STOPPED, personas.reporter_a, reason="Không còn kinh phí duy trì")


def test_stale_update_is_refused(register, personas):
    practice = register()
    practice_update(actor=personas.reporter_a, practice=practice, values={"goals": "A"}, expected_version=1)
    with pytest.raises(DomainError) as err:
        practice_update(
            actor=personas.reporter_a, practice=practice, values={"goals": "B"}, expected_version=1
        )
    assert err.value.code == "stale_version"
    practice.refresh_from_db()
    assert practice.goals == "A" and practice.version == 2
