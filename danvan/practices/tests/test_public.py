"""The public showcase: published recognised practices for everyone, nothing else, no personal data."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.accounts.scope import scope_for
from danvan.practices.models import Attachment, Commendation, Kind, Status
from danvan.practices.services.results import attachment_add, practice_publish, progress_add
from danvan.practices.tests.conftest import PDF, PNG, make_person, move

SHOWCASE = "/dan-van-kheo/tieu-bieu/"


def published(register, recognize, personas, name="Tuyến đường nở hoa", **kw):
    practice = recognize(register(name, **kw))
    practice_publish(
        actor=personas.approver, practice=practice, public=True, consent=kw.pop("consent", False)
    )
    return practice


def test_published_practices_are_listed_for_anonymous_visitors(register, recognize, personas, client_for):
    shown = published(register, recognize, personas)
    recognize(register("Được công nhận nhưng chưa công khai"))
    register("Bản nháp")
    page = client_for(None).get(SHOWCASE)
    assert page.status_code == 200
    assert [p.pk for p in page.context["page"]] == [shown.pk]
    assert "Bản nháp" not in page.text and "chưa công khai" not in page.text


def test_detail_has_story_photos_results_and_commendations(register, recognize, personas, client_for, media):
    practice = published(register, recognize, personas, content={"activities": "Trồng hoa hai bên đường"})
    progress_add(
        actor=personas.reporter_a,
        practice=practice,
        on_date=practice.registered_at.date(),
        summary="Trồng 2 km hoa",
        beneficiaries=300,
        money_raised=50_000_000,
        uploads=[SimpleUploadedFile("anh.png", PNG), SimpleUploadedFile("bien-ban.pdf", PDF)],
    )
    Commendation.objects.create(
        practice=practice,
        form="bang_khen",
        issuer="UBND thành phố",
        decision_number="12/QĐ-UBND",
        decision_date=practice.registered_at.date(),
        recipients="Ban công tác Mặt trận khóm 3",
    )
    client = client_for(None)
    page = client.get(f"{SHOWCASE}{practice.pk}/")
    assert page.status_code == 200
    assert (
        "Trồng hoa hai bên đường" in page.text
        and "300 người hưởng lợi" in page.text
        and "50 triệu đồng" in page.text
    )
    assert "Bằng khen" in page.text and "12/QĐ-UBND" in page.text
    photo = Attachment.objects.get(type=Attachment.Type.PHOTO)
    document = Attachment.objects.get(type=Attachment.Type.DOCUMENT)
    assert [p.pk for p in page.context["photos"]] == [photo.pk]
    assert client.get(f"/dan-van-kheo/tep/{photo.pk}/").status_code == 200
    assert client.get(f"/dan-van-kheo/tep/{document.pk}/").status_code == 404  # documents stay internal
    assert personas.reporter_a.full_name not in page.text  # no author of progress updates


def test_unpublished_drafts_and_withdrawn_practices_are_404(register, recognize, personas, client_for, media):
    draft = register()
    attachment_add(actor=personas.reporter_a, practice=draft, upload=SimpleUploadedFile("anh.png", PNG))
    recognized = recognize(register("Công nhận nhưng chưa công khai"))
    withdrawn = published(register, recognize, personas, "Đã thôi công khai")
    practice_publish(actor=personas.approver, practice=withdrawn, public=False)
    stopped = published(register, recognize, personas, "Công khai rồi dừng")
    move(stopped, personas.reporter_a, Status.STOPPED, reason="Hết kinh phí")
    client = client_for(None)
    for practice in (draft, recognized, withdrawn, stopped):
        assert client.get(f"{SHOWCASE}{practice.pk}/").status_code == 404
    assert client.get(f"{SHOWCASE}99999999999999999999999/").status_code == 404
    assert client.get(f"/dan-van-kheo/tep/{Attachment.objects.get().pk}/").status_code == 404


def test_no_personal_data_of_an_individual_without_consent(register, recognize, personas, client_for, tree):
    person = make_person(tree.commune_a, "Trần Văn Bảy")
    practice = recognize(
        register("Ông Bảy hiến đất làm đường", kind=Kind.EXEMPLAR, subject="ca_nhan", person=person)
    )
    practice_publish(actor=personas.approver, practice=practice, public=True, consent=True)
    assert "Trần Văn Bảy" in client_for(None).get(f"{SHOWCASE}{practice.pk}/").text
    practice.public_consent = False  # consent withdrawn after publication (e.g. by an older record)
    practice.save(update_fields=["public_consent"])
    Commendation.objects.create(
        practice=practice,
        form="giay_khen",
        issuer="UBND phường",
        decision_number="5/QĐ",
        decision_date=practice.registered_at.date(),
        recipients="Ông Trần Văn Bảy",
    )
    page = client_for(None).get(f"{SHOWCASE}{practice.pk}/")
    assert page.status_code == 200 and "Trần Văn Bảy" not in page.text and "Giấy khen" in page.text


def test_publishing_an_individual_needs_consent(register, recognize, personas, tree, client_for, unchanged):
    person = make_person(tree.commune_a, "Lê Thị Tám")
    practice = recognize(register("Bà Tám", kind=Kind.EXEMPLAR, subject="ca_nhan", person=person))
    with unchanged():
        page = client_for(personas.approver).post(f"/dan-van-kheo/{practice.pk}/cong-khai/", {"public": "on"})
    assert page.status_code == 200 and page.context["publish_form"].errors["consent"]
    assert scope_for(personas.approver).is_authenticated


def test_showcase_query_count_does_not_grow(
    register, recognize, personas, client_for, media, django_assert_max_num_queries
):
    for n in range(8):
        practice = published(register, recognize, personas, f"Mô hình tiêu biểu {n}")
        progress_add(
            actor=personas.reporter_a,
            practice=practice,
            on_date=dt.date(2026, 6, 1),
            summary="Ảnh",
            uploads=[SimpleUploadedFile("anh.png", PNG)],
        )
    client = client_for(None)
    with django_assert_max_num_queries(4):  # count, page, photos (+ session when logged in)
        page = client.get(SHOWCASE)
    assert len(page.context["page"]) == 8 and page.text.count("/dan-van-kheo/tep/") == 8
