"""Two handlers answering one item at the same moment: one answer is kept, the other handler gets
a Vietnamese 409 and the history has one answer event (threads, committed data; see
danvan/core/tests/concurrency.py)."""

from danvan.accounts.scope import scope_for
from danvan.core.tests.concurrency import at_once, slowed
from danvan.petitions.models import Answer, Event, Status
from danvan.petitions.services import handling
from danvan.petitions.tests.conftest import pdf

RUNS = 3


def answer(user, petition, text):
    return lambda: handling.petition_answer(
        actor=user, scope=scope_for(user), petition=petition, text=text, uploads=[pdf()]
    )


def test_two_handlers_answer_one_item_at_once(shared_db, receive, personas, monkeypatch):
    leader, admin = personas.approver, personas.admin
    for _ in range(RUNS):
        petition = receive()
        handling.petition_accept(actor=leader, scope=scope_for(leader), petition=petition)
        events_before = Event.objects.filter(petition=petition).count()
        with slowed(monkeypatch, handling, "store"):
            outcomes = at_once(
                answer(leader, petition, "Đã thay bóng đèn đoạn đường Lê Lợi, biên bản kèm theo."),
                answer(admin, petition, "Đã giao Ủy ban nhân dân phường sửa đèn trong tuần này."),
            )
        assert sorted(o.status for o in outcomes) == [200, 409]
        refused = next(o.error for o in outcomes if o.error)
        assert refused.code == "already_done" and "người khác vừa xử lý" in refused.message
        petition.refresh_from_db()
        assert petition.status == Status.ANSWERED
        assert Answer.objects.filter(petition=petition).count() == 1
        assert Event.objects.filter(petition=petition).count() == events_before + 1
