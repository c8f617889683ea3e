"""«Tin tức» management: who sees, writes, publishes and moderates what; refusals change nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.portal.forms import form_started_token
from danvan.portal.models import Comment, CommentStatus, Post, PostStatus
from danvan.portal.tests.conftest import BODY, PNG

MANAGE = "/cong-thong-tin/quan-ly/"


def form(categories, **overrides):
    data = {
        "category": categories["cong-tac-dan-van-mat-tran"].pk,
        "title": "Phường Sóc Trăng ra mắt mô hình mới",
        "summary": "",
        "body": BODY,
        "author_line": "Ban Xây dựng Đảng",
        "tags": "Dân vận khéo, Sóc Trăng",
        "cover_alt": "",
    }
    return {**data, **overrides}


def test_reporter_writes_a_draft_with_a_cover_and_sends_it_for_review(
    personas, tree, categories, client_for, media
):
    client = client_for(personas.reporter_a)
    assert client.get(MANAGE).status_code == 200
    assert client.get(MANAGE + "viet-tin/").status_code == 200
    cover = SimpleUploadedFile("anh.jpg", PNG, content_type="image/jpeg")
    saved = client.post(
        MANAGE + "viet-tin/", {**form(categories), "unit": tree.commune_a.pk, "cover": cover}, follow=True
    )
    assert "Đã lưu bản nháp" in saved.text
    post = Post.objects.get()
    assert post.unit == tree.commune_a and post.status == PostStatus.DRAFT and post.cover_type == "image/png"
    assert "Gửi duyệt" in saved.text and "Duyệt và đăng" not in saved.text
    sent = client.post(f"{MANAGE}{post.pk}/chuyen-trang-thai/", {"to": "review"}, follow=True)
    assert "Chờ duyệt" in sent.text and Post.objects.get().submitted_by == personas.reporter_a


def test_approver_edits_and_publishes_and_the_editors_are_recorded(
    personas, write, categories, client_for, client
):
    post = write(
        "Tin gửi lên chờ duyệt",
        status=PostStatus.REVIEW,
        user=personas.reporter_a,
        unit=personas.reporter_a.grants.get().unit,
    )
    approver = client_for(personas.approver)
    listed = approver.get(MANAGE, {"status": "review"})
    assert post.title in listed.text
    edited = approver.post(
        f"{MANAGE}{post.pk}/",
        form(categories, title="Tin đã biên tập lại", version=post.version),
        follow=True,
    )
    assert "Đã lưu các thay đổi." in edited.text
    published = approver.post(f"{MANAGE}{post.pk}/chuyen-trang-thai/", {"to": "published"}, follow=True)
    assert "Đã đăng" in published.text and "Người duyệt đăng" in published.text
    post.refresh_from_db()
    assert (post.created_by, post.edited_by, post.published_by) == (
        personas.reporter_a,
        personas.approver,
        personas.approver,
    )
    assert "Tin đã biên tập lại" in client.get("/cong-thong-tin/tin-tuc/").text


def test_viewer_reads_but_cannot_edit_or_publish(viewer, write, categories, client_for, unchanged):
    post = write("Bản nháp của tỉnh", status=PostStatus.REVIEW)
    client = client_for(viewer)
    page = client.get(f"{MANAGE}{post.pk}/")
    assert (
        page.status_code == 200
        and "Bạn chỉ được xem tin bài này." in page.text
        and "Duyệt và đăng" not in page.text
    )
    with unchanged():
        assert client.post(f"{MANAGE}{post.pk}/", form(categories)).status_code == 403
        assert client.post(f"{MANAGE}{post.pk}/chuyen-trang-thai/", {"to": "published"}).status_code == 302
        assert client.get(MANAGE + "viet-tin/").status_code == 404
    assert Post.objects.get().status == PostStatus.REVIEW


def test_other_units_posts_are_missing(personas, write, categories, client_for, unchanged):
    post = write("Tin của Cần Thơ", status=PostStatus.DRAFT)
    for user in (personas.other_approver, personas.reporter_b):
        client = client_for(user)
        assert post.title not in client.get(MANAGE).text
        with unchanged():
            assert client.get(f"{MANAGE}{post.pk}/").status_code == 404
            assert client.post(f"{MANAGE}{post.pk}/chuyen-trang-thai/", {"to": "review"}).status_code == 404
    with unchanged():
        assert (
            client_for(personas.other_approver).post(f"{MANAGE}{post.pk}/", form(categories)).status_code
            == 404
        )
        assert client_for(None).get(MANAGE).status_code == 302
    assert Post.objects.get().status == PostStatus.DRAFT


def test_reporter_may_not_write_for_a_unit_outside_their_grant(
    personas, tree, categories, client_for, unchanged
):
    with unchanged():
        page = client_for(personas.reporter_a).post(
            MANAGE + "viet-tin/", {**form(categories), "unit": tree.commune_b.pk}
        )
    assert page.status_code == 200 and "Hãy chọn" in page.text


def test_stale_edit_is_refused(personas, write, categories, client_for, unchanged):
    post = write("Tin sửa cùng lúc", status=PostStatus.DRAFT)
    with unchanged():
        page = client_for(personas.approver).post(
            f"{MANAGE}{post.pk}/", form(categories, version=post.version - 1 or 99)
        )
    assert "vừa được người khác sửa" in page.text


def test_approver_moderates_comments_other_province_cannot(personas, write, client_for, client, unchanged):
    post = write()
    client.post(
        f"/cong-thong-tin/tin-tuc/{post.slug}/y-kien/",
        {"name": "Trần Thị Bình", "body": "Rất hay.", "website": "", "started": form_started_token()},
    )
    comment = Comment.objects.get()
    with unchanged():
        assert (
            client_for(personas.other_approver)
            .post(f"{MANAGE}y-kien/{comment.pk}/", {"decision": "approve"})
            .status_code
            == 404
        )
        assert (
            client_for(personas.reporter_a)
            .post(f"{MANAGE}y-kien/{comment.pk}/", {"decision": "approve"})
            .status_code
            == 404
        )
    assert "Trần Thị Bình" not in client_for(personas.other_approver).get(MANAGE + "y-kien/").text
    approver = client_for(personas.approver)
    assert "Ý kiến bạn đọc chờ duyệt: 1" in approver.get(MANAGE).text
    page = approver.get(MANAGE + "y-kien/")
    assert "Trần Thị Bình" in page.text
    done = approver.post(f"{MANAGE}y-kien/{comment.pk}/", {"decision": "approve"}, follow=True)
    assert "Đã duyệt ý kiến của Trần Thị Bình." in done.text
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and comment.moderated_by == personas.approver
    with unchanged():
        again = approver.post(f"{MANAGE}y-kien/{comment.pk}/", {"decision": "reject"}, follow=True)
    assert "đã được xử lý trước đó" in again.text
