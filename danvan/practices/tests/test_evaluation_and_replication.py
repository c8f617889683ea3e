import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.accounts.scope import scope_for
from danvan.accounts.tests.factories import user_with_grant
from danvan.core.errors import DomainError, PermissionDenied
from danvan.practices.access import access_practice, visible_practices
from danvan.practices.models import Commendation, CriteriaSet, Practice, Score, Status
from danvan.practices.selectors import round_board, similar_practices
from danvan.practices.services.evaluation import round_add_practices, round_create, round_decide, score_submit
from danvan.practices.services.lifecycle import practice_transition
from danvan.practices.services.replication import practice_adopt
from danvan.practices.services.results import practice_commend, practice_publish
from danvan.practices.stats import practice_stats


@pytest.fixture
def committee(personas, tree):
    second = user_with_grant("thanhvien_bcd", Role.APPROVER, tree.province)
    criteria = CriteriaSet.objects.get(province=None, year=None)
    evaluation = round_create(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        unit=tree.province,
        year=2026,
        title="Bình xét Dân vận khéo năm 2026",
        criteria_set=criteria,
        evaluators=[personas.approver, second],
    )
    return evaluation, second, list(criteria.criteria.all())


def in_progress(register, personas, name="Mô hình tuyến đường nở hoa"):
    practice = register(name)
    return practice_transition(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        practice=practice,
        to=Status.IN_PROGRESS,
    )


def test_scores_are_hidden_until_one_has_scored(register, personas, committee):
    evaluation, second, criteria = committee
    practice = in_progress(register, personas)
    round_add_practices(actor=personas.approver, evaluation=evaluation, practices=[practice])
    item = evaluation.items.get()
    score_submit(actor=personas.approver, item=item, values={c.pk: 10 for c in criteria})
    board = round_board(evaluation, second)[0]
    assert board.visible is False
    score_submit(actor=second, item=item, values={c.pk: c.max_score / 2 for c in criteria})
    board = round_board(evaluation, second)[0]
    assert board.visible is True
    assert [s.total for s in board.scores] == [100, 50] or sorted(s.total for s in board.scores) == [50, 100]
    assert board.mean == 75 and board.median == 75


def test_out_of_range_score_is_refused_and_nothing_saved(register, personas, committee):
    evaluation, _, criteria = committee
    practice = in_progress(register, personas)
    round_add_practices(actor=personas.approver, evaluation=evaluation, practices=[practice])
    values = {c.pk: 11 for c in criteria}
    with pytest.raises(DomainError):
        score_submit(actor=personas.approver, item=evaluation.items.get(), values=values)
    assert Score.objects.count() == 0


def test_non_evaluator_cannot_score(register, personas, committee):
    evaluation, _, criteria = committee
    round_add_practices(
        actor=personas.approver, evaluation=evaluation, practices=[in_progress(register, personas)]
    )
    with pytest.raises(PermissionDenied):
        score_submit(
            actor=personas.unit_admin, item=evaluation.items.get(), values={c.pk: 5 for c in criteria}
        )
    assert Score.objects.count() == 0


def test_chair_decides_recognition_then_commend_publish_adopt(register, personas, tree, committee):
    evaluation, _, _ = committee
    practice = in_progress(register, personas)
    round_add_practices(actor=personas.approver, evaluation=evaluation, practices=[practice])
    round_decide(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        item=evaluation.items.get(),
        decision="recognized",
    )
    practice.refresh_from_db()
    assert practice.status == Status.RECOGNIZED
    practice_commend(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        practice=practice,
        form=Commendation.Form.GIAY_KHEN,
        issuer="Ban Thường vụ Thành ủy Cần Thơ",
        decision_number="125-QĐ/TU",
        decision_date=dt.date(2026, 10, 15),
        recipients="Ban công tác Mặt trận khu vực 3",
    )
    practice.refresh_from_db()
    assert practice.status == Status.COMMENDED
    practice_publish(actor=personas.approver, practice=practice, public=True)
    # Commune B, which could not see A's draft, now finds the recognised model and adopts it.
    assert access_practice(scope_for(personas.reporter_b), practice.pk).pk == practice.pk
    adopted = practice_adopt(
        actor=personas.reporter_b,
        scope=scope_for(personas.reporter_b),
        source=practice,
        unit=tree.commune_b,
        year=2026,
    )
    assert adopted.source == practice and adopted.unit == tree.commune_b
    with pytest.raises(DomainError):
        practice_adopt(
            actor=personas.reporter_b,
            scope=scope_for(personas.reporter_b),
            source=practice,
            unit=tree.commune_b,
            year=2026,
        )
    stats = practice_stats(unit=tree.province, year=2026)
    assert (stats.total, stats.recognized, stats.commended, stats.replications) == (2, 1, 1, 1)
    assert stats.communes_registered == 2 and stats.communes_total == 2 and stats.communes_share == 100.0


def test_drafts_of_other_communes_are_invisible(register, personas):
    practice = register()
    scope_b = scope_for(personas.reporter_b)
    assert not visible_practices(scope_b).filter(pk=practice.pk).exists()
    with pytest.raises(DomainError) as err:
        access_practice(scope_b, practice.pk)
    assert err.value.status == 404
    with pytest.raises(DomainError) as err:
        access_practice(scope_b, practice.pk, "update")
    assert err.value.status == 404
    assert visible_practices(scope_for(personas.approver)).filter(pk=practice.pk).exists()


def test_publishing_needs_recognition(register, personas):
    practice = register()
    with pytest.raises(DomainError):
        practice_publish(actor=personas.approver, practice=practice, public=True)
    practice.refresh_from_db()
    assert practice.is_public is False


def test_similar_models_rank_by_shared_words(register, personas):
    first = register("Tổ tự quản đường hoa nông thôn mới")
    register("Đường hoa tự quản của khu dân cư")
    register("Quỹ khuyến học dòng họ")
    similar = similar_practices(first, Practice.objects.all())
    assert [p.name for p in similar] == ["Đường hoa tự quản của khu dân cư"]
