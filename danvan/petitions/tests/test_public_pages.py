"""The public pages (no login): submit with a province then a commune, the code and private link,
the tracking page (nothing personal), the private page with rating and withdrawal, floods."""

import pytest

from danvan.accounts.scope import scope_for
from danvan.petitions.models import Petition, Status
from danvan.petitions.services import handling
from danvan.petitions.tests.conftest import CONTENT, png

pytestmark = pytest.mark.urls("danvan.petitions.tests.urls")


def form(tree, topic, **kw):
    return {
        "tinh": "92",
        "kind": "report",
        "topic": topic.pk,
        "unit": tree.commune_a.pk,
        "content": CONTENT,
    } | kw


def test_choose_province_then_commune_without_javascript(client, tree):
    start = client.get("/gui-y-kien/")
    assert start.status_code == 200 and "Chọn tỉnh, thành phố trước" in start.content.decode()
    chosen = client.get("/gui-y-kien/", {"tinh": "92"})
    assert "Phường Sóc Trăng" in chosen.content.decode() and "Phường Thục Phán" not in chosen.content.decode()
    partial = client.get("/gui-y-kien/", {"tinh": "04"}, HTTP_HX_REQUEST="true")
    assert "Phường Thục Phán" in partial.content.decode() and "<html" not in partial.content.decode()


def test_submit_then_track_then_rate_through_the_private_link(client, tree, topic, personas):
    sent = client.post(
        "/gui-y-kien/",
        form(tree, topic, citizen_name="Lý Văn Hai", public_consent="on", attachments=[png()]),
        follow=True,
    )
    petition = Petition.objects.get()
    page = sent.content.decode()
    assert petition.tracking_code in page and "/gui-y-kien/theo-doi/" in page
    private_url = page.split('id="private-link">')[1].split("<")[0].replace("http://testserver", "")
    assert client.get("/gui-y-kien/da-gui/").status_code == 302  # shown once
    tracked = client.get(f"/gui-y-kien/theo-doi/{petition.tracking_code}/").content.decode()
    assert "Đã tiếp nhận" in tracked and "Lý Văn Hai" not in tracked and "Lê Lợi" not in tracked
    private = client.get(private_url)
    assert private.status_code == 200 and "Lê Lợi" in private.content.decode()
    assert private["Cache-Control"] == "private, no-store"
    leader = personas.approver
    handling.petition_accept(actor=leader, scope=scope_for(leader), petition=petition)
    handling.petition_answer(
        actor=leader,
        scope=scope_for(leader),
        petition=petition,
        public=True,
        uploads=[png("sau-khi-sua.png")],
        text="Đã thay toàn bộ bóng đèn đoạn đường Lê Lợi, ảnh hiện trường kèm theo.",
    )
    tracked = client.get(f"/gui-y-kien/theo-doi/{petition.tracking_code}/").content.decode()
    assert "Đã thay toàn bộ bóng đèn" in tracked and "sau-khi-sua.png" in tracked
    evidence = petition.answers.get().files.get()
    assert client.get(f"/gui-y-kien/theo-doi/{petition.tracking_code}/tep/{evidence.pk}/").status_code == 200
    citizen_file = petition.files.get(from_citizen=True)
    assert (
        client.get(f"/gui-y-kien/theo-doi/{petition.tracking_code}/tep/{citizen_file.pk}/").status_code == 404
    )
    rated = client.post(private_url + "danh-gia/", {"satisfied": "0", "note": "Đèn vẫn chập chờn"})
    assert rated.status_code == 302
    petition.refresh_from_db()
    assert petition.satisfied is False and petition.satisfaction_note == "Đèn vẫn chập chờn"


def test_track_form_unknown_code_and_wrong_secret(client, tree, topic):
    assert client.get("/gui-y-kien/theo-doi/", {"code": "yk26-abc"}).status_code == 302
    missing = client.get("/gui-y-kien/theo-doi/YK26-KHONGCO/")
    assert missing.status_code == 404 and "Không tìm thấy mã theo dõi" in missing.content.decode()
    client.post("/gui-y-kien/", form(tree, topic))
    code = Petition.objects.get().tracking_code
    assert client.get(f"/gui-y-kien/theo-doi/{code}/sai-bi-mat/").status_code == 404


def test_withdraw_through_the_private_link(client, tree, topic):
    response = client.post("/gui-y-kien/", form(tree, topic), follow=True)
    url = (
        response.content.decode()
        .split('id="private-link">')[1]
        .split("<")[0]
        .replace("http://testserver", "")
    )
    assert client.post(url + "rut-don/", {"reason": ""}).status_code == 422
    assert client.post(url + "rut-don/", {"reason": "Đã được giải quyết tại chỗ"}).status_code == 302
    assert Petition.objects.get().status == Status.WITHDRAWN


def test_bad_submissions_store_nothing(client, tree, topic, unchanged):
    from django.core.files.uploadedfile import SimpleUploadedFile

    huge = SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * (50 * 1024 * 1024), content_type="application/pdf")
    big = SimpleUploadedFile("vua.pdf", b"%PDF-" + b"0" * (15 * 1024 * 1024), content_type="application/pdf")
    with unchanged():
        empty = client.post("/gui-y-kien/", form(tree, topic, content=""))
        fifty_mb = client.post("/gui-y-kien/", form(tree, topic, attachments=[huge]))
        fifteen_mb = client.post("/gui-y-kien/", form(tree, topic, attachments=[big]))
        script = client.post("/gui-y-kien/", form(tree, topic, content="<script>alert(1)</script>", unit=""))
    assert empty.status_code == 422
    assert fifty_mb.status_code == 413  # the site-wide request guard refuses it unread
    assert fifteen_mb.status_code == 422 and "«vua.pdf» lớn hơn 10 MB" in fifteen_mb.content.decode()
    assert "<script>alert(1)</script>" not in script.content.decode()


def test_floods_from_one_address_get_429(client, tree, topic):
    for _ in range(10):
        client.post("/gui-y-kien/", form(tree, topic, content=""))
    limited = client.post("/gui-y-kien/", form(tree, topic))
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert "quá nhiều lần" in limited.content.decode() and not Petition.objects.exists()


def test_guessing_tracking_codes_or_private_links_gets_429(client, tree, topic, unchanged):
    """20 wrong lookups per address and hour; then even a right code waits (no enumeration)."""
    from django.test import Client

    from danvan.petitions.views.public import LOOKUP_MISSES

    client.post("/gui-y-kien/", form(tree, topic))
    petition = Petition.objects.get()
    guesser = Client(REMOTE_ADDR="198.51.100.9")
    for n in range(LOOKUP_MISSES):
        code = f"YK26-SAI{n:04d}/" if n % 2 else f"{petition.tracking_code}/sai{n}/"
        wrong = f"/gui-y-kien/theo-doi/{code}"
        assert guesser.get(wrong).status_code == 404
    with unchanged():
        refused = guesser.get(f"/gui-y-kien/theo-doi/{petition.tracking_code}/")
        step = guesser.post(f"/gui-y-kien/theo-doi/{petition.tracking_code}/sai/rut-don/", {"reason": "x"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "nhập sai mã theo dõi hoặc đường dẫn riêng quá nhiều lần" in refused.content.decode()
    assert step.status_code == 429 and Petition.objects.get().status == petition.status
    other = Client(REMOTE_ADDR="198.51.100.10")
    assert other.get(f"/gui-y-kien/theo-doi/{petition.tracking_code}/").status_code == 200
