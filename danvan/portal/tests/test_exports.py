"""The staff lists of the portal in Excel: the posts and comments the page shows, no other unit's."""

from danvan.core.tests.exports import column
from danvan.portal.models import Comment, CommentStatus


def test_posts_and_comments_exports_are_the_pages(write, personas, client_for, tree):
    post = write("Sơ kết công tác Dân vận khéo")
    write("Tin của Cao Bằng", unit=tree.other_province, user=personas.other_approver)
    Comment.objects.create(post=post, name="Bạn đọc", body="Rất hay.", status=CommentStatus.PENDING)
    client = client_for(personas.approver)
    shown = [p.title for p in client.get("/cong-thong-tin/quan-ly/").context["page"]]
    assert column(client.get("/cong-thong-tin/quan-ly/", {"xuat": "xlsx"}), "Tiêu đề") == shown
    assert shown == ["Sơ kết công tác Dân vận khéo"]
    names = [c.name for c in client.get("/cong-thong-tin/quan-ly/y-kien/").context["page"]]
    assert (
        column(client.get("/cong-thong-tin/quan-ly/y-kien/", {"xuat": "xlsx"}), "Tên người gửi")
        == names
        == ["Bạn đọc"]
    )


def test_another_province_exports_none_of_these(write, personas, client_for, unchanged):
    write("Sơ kết công tác Dân vận khéo")
    client = client_for(personas.other_approver)
    with unchanged():
        assert column(client.get("/cong-thong-tin/quan-ly/", {"xuat": "xlsx"}), "Tiêu đề") == []
