"""Done when: each seed article, uploaded and confirmed as a person would, yields drafts that reproduce
its meeting, people with their positions, figures (report values, distributions) and tasks as
hand-annotated in fixtures/seeds/*.json. Skipped when ../shared/seeds is absent."""

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction

from danvan.campaigns.models import Distribution
from danvan.core.text import fold
from danvan.extraction.extractor.units import load_gazetteer
from danvan.extraction.mapping import MEETING_KINDS
from danvan.extraction.models import ImportedText, Status
from danvan.extraction.tests import seeds
from danvan.extraction.tests.forms import form_fields
from danvan.meetings.models import Meeting, MeetingStatus
from danvan.reporting.models import Submission

pytestmark = pytest.mark.skipif(not seeds.SEEDS_DIR.is_dir(), reason="../shared/seeds is absent")

# What the person chooses on the review page where the article leaves it open.
CHOICES: dict[str, dict[str, str]] = {
    # a yearly working session of a former district: its reports were 6-monthly
    "003_6fe61718397cdb7e": {
        "part-reporting": "on",
        "report-form": "dv-huyen-6-thang",
        "report-period": "2022-H2",
    },
    # the register knows Long Điền only inside Long Đất (merged shortly before the 2025 reform)
    "004_83323420a70d540f": {"event-unit": "753"},
}
# The figures as report values ({indicator/category: sum of the annotated figures}) and as
# distributions ([(item kind, quantity, value, groups)]); the annotation indexes say which.
REPORT_VALUES: dict[str, dict[str, tuple[int, ...]]] = {
    "001_aeaffb403615572c": {"dvk_registered/mo_hinh": (3, 4)},
    "003_6fe61718397cdb7e": {"gifts_given/": (0, 4), "gifts_value/": (1, 5), "scholarships/": (3,)},
}
DISTRIBUTIONS: dict[str, list[tuple[str, int, int | None, set[str]]]] = {
    "003_6fe61718397cdb7e": [
        ("suat_qua", 0, 1, {"ho_ngheo", "ho_can_ngheo"}),
        ("dien_thoai_thong_minh", 2, None, {"hoc_sinh_kho_khan"}),
        ("hoc_bong", 3, None, {"hoc_sinh_kho_khan"}),
        ("suat_qua", 4, 5, {"hoc_sinh_kho_khan"}),
    ],
}
# Figures the article gives that no report of the unit can hold, with the reason the page shows.
NOT_ENTERED = {"004_83323420a70d540f": "không được giao báo cáo"}


@pytest.fixture(scope="module")
def places(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Any]:
    with django_db_blocker.unblock(), transaction.atomic():
        provinces = seeds.build_places()
        load_gazetteer(refresh=True)
        yield seeds.archivist(provinces)
        transaction.set_rollback(True)
    with django_db_blocker.unblock():
        load_gazetteer(refresh=True)


def review_as_a_person(client: Any, imported: ImportedText, name: str) -> tuple[dict[str, Any], str]:
    page = client.get(f"/nhap-van-ban/{imported.pk}/").content.decode()
    fields = form_fields(page)
    seeds.corrected_tasks(fields, imported.extraction["tasks"], seeds.annotation(name)["tasks"])
    fields.update(CHOICES.get(name, {}), action="save")
    assert client.post(f"/nhap-van-ban/{imported.pk}/", fields).status_code == 302
    page = client.get(f"/nhap-van-ban/{imported.pk}/").content.decode()
    return {**form_fields(page), "action": "confirm"}, page


def check_meeting(imported: ImportedText, gold: dict[str, Any]) -> None:
    meeting = Meeting.objects.get(pk=imported.drafts.get(target="meetings.meeting").object_id)
    event = gold["event"]
    assert (meeting.kind, meeting.status) == (MEETING_KINDS[event["type"]], MeetingStatus.SCHEDULED)
    assert meeting.starts_at.date().isoformat() == event["date"]
    assert meeting.unit == imported.unit
    assert any(fold(o.name).startswith(fold(event["organizer"])) for o in meeting.organizers.all())
    attendees = [(a.person.full_name if a.person else a.name, a.title) for a in meeting.attendees.all()]
    assert attendees == [(p["name"], p["position"]) for p in gold["people"]]
    titles = [t.title for t in meeting.tasks.order_by("pk")]
    assert len(titles) == len(gold["tasks"])
    assert all(any(seeds.same_text(t, g["text"]) for t in titles) for g in gold["tasks"])


def created_ids(imported: ImportedText, target: str) -> list[int]:
    return [int(pk) for pk in imported.drafts.filter(target=target).values_list("object_id", flat=True)]


def check_figures(imported: ImportedText, name: str, gold: dict[str, Any]) -> None:
    figures = gold["figures"]
    expected = {
        k: sum(Decimal(str(figures[i]["quantity"])) for i in idx)
        for k, idx in REPORT_VALUES.get(name, {}).items()
    }
    submissions = Submission.objects.filter(pk__in=created_ids(imported, "reporting.submission"))
    entered = {
        f"{v.indicator.code}/{v.category}": v.number
        for s in submissions
        for v in s.values.select_related("indicator").exclude(override_reason="")
    }
    assert entered == expected
    assert all(s.status == "draft" for s in submissions)
    made = Distribution.objects.filter(pk__in=created_ids(imported, "campaigns.distribution"))
    shown = sorted((d.item_kind.code, d.quantity, d.value, {g.code for g in d.groups.all()}) for d in made)
    wanted = sorted(
        (kind, int(figures[q]["quantity"]), int(figures[v]["quantity"]) if v is not None else None, groups)
        for kind, q, v, groups in DISTRIBUTIONS.get(name, [])
    )
    assert shown == wanted


@pytest.mark.django_db
@pytest.mark.parametrize("name", seeds.seed_names())
def test_a_seed_imported_and_confirmed_reproduces_its_article(name, places, client_for):
    client = client_for(places)
    assert seeds.upload(client, name).status_code == 302
    imported = ImportedText.objects.get(file_name=f"{name}.txt")
    fields, page = review_as_a_person(client, imported, name)
    if name in NOT_ENTERED:
        assert NOT_ENTERED[name] in page
    response = client.post(f"/nhap-van-ban/{imported.pk}/", fields)
    assert response.status_code == 302, response.content.decode()[-3000:]
    imported.refresh_from_db()
    assert imported.status == Status.CONFIRMED
    gold = seeds.annotation(name)
    check_meeting(imported, gold)
    check_figures(imported, name, gold)
