"""Two leaders deciding on one evaluated model at the same moment (recognise / not recognise, each
with the version they saw): one decision is kept, the other leader gets a Vietnamese 409 and the
history has one entry (threads, committed data; see danvan/core/tests/concurrency.py)."""

from danvan.accounts.scope import scope_for
from danvan.core.tests.concurrency import at_once, slowed
from danvan.practices.models import Status, StatusChange
from danvan.practices.services import lifecycle

RUNS = 3


def step(user, practice, to, reason="", version=None):
    return lambda: lifecycle.practice_transition(
        actor=user, scope=scope_for(user), practice=practice, to=to, reason=reason, expected_version=version
    )


def test_two_leaders_decide_at_once(shared_db, register, personas, monkeypatch):
    leader, admin = personas.approver, personas.admin
    for run in range(RUNS):
        practice = register(f"Mô hình dân vận khéo số {run + 1}")
        for to in (Status.IN_PROGRESS, Status.EVALUATED):
            practice = step(leader, practice, to)()
        seen = practice.version
        with slowed(monkeypatch, lifecycle, "audit_record"):
            outcomes = at_once(
                step(leader, practice, Status.RECOGNIZED, version=seen),
                step(admin, practice, Status.NOT_RECOGNIZED, "Chưa có kết quả kiểm chứng", version=seen),
            )
        assert sorted(o.status for o in outcomes) == [200, 409]
        refused = next(o.error for o in outcomes if o.error)
        assert refused.code == "stale_version" and "vừa được người khác chuyển sang" in refused.message
        practice.refresh_from_db()
        winner = Status.RECOGNIZED if outcomes[0].error is None else Status.NOT_RECOGNIZED
        assert practice.status == winner and practice.version == seen + 1
        decisions = StatusChange.objects.filter(
            practice=practice, to_status__in=(Status.RECOGNIZED, Status.NOT_RECOGNIZED)
        )
        assert decisions.count() == 1
