"""Evaluation pages: a round, its practices, independent scoring, the board, the chair's decisions."""

from danvan.accounts.models import Role
from danvan.accounts.tests.factories import user_with_grant
from danvan.practices.models import CriteriaSet, EvaluationRound, Score, Status
from danvan.practices.tests.conftest import move

ROUNDS = "/dan-van-kheo/binh-xet/"


def create_round(client, evaluators):
    criteria = CriteriaSet.objects.get(province=None, year=None)
    data = {
        "title": "Bình xét năm 2026",
        "year": 2026,
        "criteria_set": criteria.pk,
        "evaluators": [u.pk for u in evaluators],
    }
    response = client.post(ROUNDS + "tao/", data)
    evaluation = EvaluationRound.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{ROUNDS}{evaluation.pk}/them/"
    return evaluation


def scores(evaluation, value):
    return {
        f"item{item.pk}-c{c.pk}": value
        for item in evaluation.items.all()
        for c in evaluation.criteria_set.criteria.all()
    }


def test_full_round_through_the_pages(register, personas, client_for, tree):
    second = user_with_grant("thanhvien", Role.APPROVER, tree.province)
    ready = move(register("Đường hoa tự quản"), personas.reporter_a, Status.IN_PROGRESS)
    register("Chưa thực hiện")
    chair = client_for(personas.approver)
    assert "Tạo đợt bình xét" in chair.get(ROUNDS).text
    form = chair.get(ROUNDS + "tao/")
    assert "lanhdao_tinh" in form.text and "thanhvien" in form.text
    assert "nhaplieu_a" not in form.text and "lanhdao_caobang" not in form.text
    evaluation = create_round(chair, [personas.approver, second])
    page = chair.get(f"{ROUNDS}{evaluation.pk}/them/")
    assert [p.pk for p in page.context["form"].fields["practices"].queryset] == [ready.pk]
    assert chair.post(f"{ROUNDS}{evaluation.pk}/them/", {"practices": [ready.pk]}).status_code == 302
    item = evaluation.items.get()

    scoring = chair.get(f"{ROUNDS}{evaluation.pk}/cham-diem/")
    assert "Trọng số 2 · tối đa 10 điểm" in scoring.text and len(scoring.context["score_forms"]) == 1
    half = {key: "7,5" for key in scores(evaluation, "")}
    assert chair.post(f"{ROUNDS}{evaluation.pk}/cham-diem/{item.pk}/", half).status_code == 302
    assert {s.value for s in Score.objects.all()} == {7.5}
    assert (
        chair.post(f"{ROUNDS}{evaluation.pk}/cham-diem/{item.pk}/", scores(evaluation, "10")).status_code
        == 302
    )
    member = client_for(second)
    board = member.get(f"{ROUNDS}{evaluation.pk}/").context["rows"][0]["entry"]
    assert board.visible is False
    partial = member.post(
        f"{ROUNDS}{evaluation.pk}/cham-diem/{item.pk}/",
        scores(evaluation, "5"),
        headers={"HX-Request": "true"},
    )
    assert "<html" not in partial.text and "Đã lưu." in partial.text
    board = member.get(f"{ROUNDS}{evaluation.pk}/").context["rows"][0]["entry"]
    assert board.visible is True and board.mean == 75 and board.median == 75

    decided = chair.post(
        f"{ROUNDS}{evaluation.pk}/ket-luan/{item.pk}/", {f"decide{item.pk}-decision": "recognized"}
    )
    assert decided.status_code == 302
    ready.refresh_from_db()
    assert ready.status == Status.RECOGNIZED
    assert chair.post(f"{ROUNDS}{evaluation.pk}/ket-thuc/").status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.state == EvaluationRound.State.CLOSED


def test_score_out_of_range_shows_next_to_the_criterion(register, personas, client_for, unchanged):
    ready = move(register(), personas.reporter_a, Status.IN_PROGRESS)
    chair = client_for(personas.approver)
    evaluation = create_round(chair, [personas.approver])
    chair.post(f"{ROUNDS}{evaluation.pk}/them/", {"practices": [ready.pk]})
    item = evaluation.items.get()
    with unchanged():
        page = chair.post(f"{ROUNDS}{evaluation.pk}/cham-diem/{item.pk}/", scores(evaluation, "11"))
    assert page.status_code == 200 and Score.objects.count() == 0
    first = evaluation.criteria_set.criteria.first()
    assert "nhỏ hơn hoặc bằng với 10" in page.context["form"].errors[f"c{first.pk}"][0]


def test_not_recognized_needs_a_reason(register, personas, client_for, unchanged):
    ready = move(register(), personas.reporter_a, Status.IN_PROGRESS)
    chair = client_for(personas.approver)
    evaluation = create_round(chair, [personas.approver])
    chair.post(f"{ROUNDS}{evaluation.pk}/them/", {"practices": [ready.pk]})
    item = evaluation.items.get()
    with unchanged():
        page = chair.post(
            f"{ROUNDS}{evaluation.pk}/ket-luan/{item.pk}/", {f"decide{item.pk}-decision": "not_recognized"}
        )
    assert page.status_code == 200 and "Bắt buộc." in page.text


def test_outsiders_and_non_members(register, personas, client_for, tree, unchanged):
    ready = move(register(), personas.reporter_a, Status.IN_PROGRESS)
    chair = client_for(personas.approver)
    evaluation = create_round(chair, [personas.approver])
    chair.post(f"{ROUNDS}{evaluation.pk}/them/", {"practices": [ready.pk]})
    item = evaluation.items.get()
    with unchanged():
        for user in (personas.reporter_b, personas.other_approver, personas.reporter_a):
            client = client_for(user)
            assert client.get(f"{ROUNDS}{evaluation.pk}/").status_code == 404
            assert (
                client.post(
                    f"{ROUNDS}{evaluation.pk}/cham-diem/{item.pk}/", scores(evaluation, "5")
                ).status_code
                == 404
            )
            assert client.post(f"{ROUNDS}{evaluation.pk}/ket-thuc/").status_code == 404
        assert client_for(personas.reporter_a).get(ROUNDS + "tao/").status_code == 404
        # An approver of the province who is not a member sees the round but cannot score or decide.
        other = client_for(user_with_grant("lanhdao_khac", Role.APPROVER, tree.province))
        assert other.get(f"{ROUNDS}{evaluation.pk}/").status_code == 200
        assert (
            other.post(f"{ROUNDS}{evaluation.pk}/cham-diem/{item.pk}/", scores(evaluation, "5")).status_code
            == 403
        )
        assert (
            other.post(
                f"{ROUNDS}{evaluation.pk}/ket-luan/{item.pk}/", {f"decide{item.pk}-decision": "recognized"}
            ).status_code
            == 403
        )
        assert other.post(f"{ROUNDS}{evaluation.pk}/ket-thuc/").status_code == 403


def test_rounds_list_and_board_query_counts(register, personas, client_for, django_assert_max_num_queries):
    chair = client_for(personas.approver)
    evaluation = create_round(chair, [personas.approver])
    practices = [move(register(f"Mô hình {n}"), personas.reporter_a, Status.IN_PROGRESS) for n in range(6)]
    chair.post(f"{ROUNDS}{evaluation.pk}/them/", {"practices": [p.pk for p in practices]})
    chair.get(ROUNDS)
    with django_assert_max_num_queries(10):
        assert chair.get(ROUNDS).status_code == 200
    with django_assert_max_num_queries(16):
        page = chair.get(f"{ROUNDS}{evaluation.pk}/")
    assert len(page.context["rows"]) == 6
    with django_assert_max_num_queries(16):
        assert len(chair.get(f"{ROUNDS}{evaluation.pk}/cham-diem/").context["score_forms"]) == 6


def test_the_rounds_list_in_excel_holds_what_the_page_shows(register, personas, client_for, unchanged):
    from danvan.core.tests.exports import column

    ready = move(register(), personas.reporter_a, Status.IN_PROGRESS)
    chair = client_for(personas.approver)
    evaluation = create_round(chair, [personas.approver])
    chair.post(f"{ROUNDS}{evaluation.pk}/them/", {"practices": [ready.pk]})
    assert column(chair.get(ROUNDS, {"xuat": "xlsx"}), "Đợt bình xét") == ["Bình xét năm 2026"]
    assert column(chair.get(ROUNDS, {"xuat": "xlsx"}), "Số mô hình") == [1]
    with unchanged():
        assert column(client_for(personas.other_approver).get(ROUNDS, {"xuat": "xlsx"}), "Đợt bình xét") == []
