"""Statistics contract: every FIGURES key for a unit subtree (history included) and a period;
a fixed number of queries whatever the data; the API and the public page show the same."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.accounts.scope import scope_for
from danvan.core.periods import Period
from danvan.petitions import stats
from danvan.petitions.services import handling
from danvan.petitions.tests.conftest import png


def answer(petition, user, **kw):
    return handling.petition_answer(
        actor=user,
        scope=scope_for(user),
        petition=petition,
        text="Đã xử lý xong, có biên bản kiểm tra kèm theo.",
        uploads=[png()],
        **kw,
    )


def accept(petition, user):
    return handling.petition_accept(actor=user, scope=scope_for(user), petition=petition)


def test_figures_count_kinds_channels_resolution_timeliness_and_satisfaction(receive, personas, tree, at):
    at(2026, 3, 2)
    on_time = accept(receive(), personas.approver)
    late = accept(receive(channel="dialogue", kind="recommendation"), personas.approver)
    receive(kind="denunciation", citizen_name="A", citizen_phone="0912345678", channel="reception")
    receive(user=personas.reporter_b, unit=tree.commune_b)
    at(2026, 3, 4)
    answer(on_time, personas.reporter_a)
    at(2026, 3, 10)
    answer(late, personas.reporter_a)
    handling.petition_rate(petition=on_time, satisfied=True)
    handling.petition_rate(petition=late, satisfied=False)
    values = stats.figures(unit=tree.province, period=Period.parse("2026-Q1"))
    assert set(values) == set(stats.FIGURES)
    assert values["received"] == 4 and values["received_report"] == 2 and values["received_denunciation"] == 1
    assert values["received_channel_hotline"] == 2 and values["received_channel_dialogue"] == 1
    assert values["accepted"] == 2 and values["resolved"] == 2 and values["resolved_on_time"] == 1
    assert values["on_time_percent"] == 50.0 and values["avg_days_to_answer"] == 5.0
    assert values["satisfaction_percent"] == 50.0 and values["rated"] == 2
    assert values["open_overdue"] == 1  # commune B's report (due 3/3); the denunciation has 7 working days
    commune = stats.figures(unit=tree.commune_b, period=Period.parse("2026"))
    assert commune["received"] == 1 and commune["resolved"] == 0 and commune["on_time_percent"] == 0.0
    assert stats.figures(unit=tree.province, period=Period.parse("2025"))["received"] == 0
    topics = stats.by_topic(unit=tree.province, period=Period.parse("2026-Q1"))
    assert topics == [
        {
            "topic__code": "ha-tang",
            "topic__name": "Hạ tầng, giao thông, điện, nước",
            "topic__order": 30,
            "received": 4,
            "resolved": 2,
            "on_time": 1,
        }
    ]


def test_old_units_count_for_the_unit_they_merged_into(receive, personas, tree, at):
    at(2026, 3, 2)
    petition = receive()
    petition.unit, petition.unit_path = tree.legacy_commune, tree.legacy_commune.path
    petition.save()
    assert stats.figures(unit=tree.commune_a, period=Period.parse("2026"))["received"] == 1
    assert stats.figures(unit=tree.commune_b, period=Period.parse("2026"))["received"] == 0


def test_the_number_of_queries_does_not_grow_with_the_data(receive, tree, at):
    at(2026, 3, 2)
    receive()
    with CaptureQueriesContext(connection) as few:
        stats.figures(unit=tree.province, period=Period.parse("2026"))
    for _ in range(5):
        receive()
    with CaptureQueriesContext(connection) as more:
        stats.figures(unit=tree.province, period=Period.parse("2026"))
    assert len(few) == len(more) <= 6


def test_stats_through_the_api_and_the_public_page(receive, personas, api_for, client, at, settings):
    settings.ROOT_URLCONF = "danvan.petitions.tests.urls"
    at(dt.date.today().year, 1, 5)
    receive()
    year = str(dt.date.today().year)
    response = api_for(personas.approver).get("/api/v1/petitions/stats", {"unit": "92", "period": year})
    assert response.status_code == 200, response.content
    assert response.json()["figures"]["received"] == 1 and response.json()["period_label"] == f"Năm {year}"
    assert (
        api_for(personas.other_approver)
        .get("/api/v1/petitions/stats", {"unit": "92", "period": year})
        .status_code
        == 404
    )
    bad = api_for(personas.approver).get("/api/v1/petitions/stats", {"unit": "92", "period": "2026-Q9"})
    assert bad.status_code == 422
    page = client.get("/gui-y-kien/thong-ke/", {"unit": "92", "period": year})
    assert (
        page.status_code == 200 and "Ý kiến, kiến nghị, phản ánh, đơn thư tiếp nhận" in page.content.decode()
    )
    assert client.get("/gui-y-kien/thong-ke/", {"unit": "00000", "period": year}).status_code == 422
