"""Intake by staff and citizens: the clock starts on the rule of the filing date, routing by rule,
files checked by content and size, bad input refused with nothing stored, similar items found."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.accounts.scope import scope_for
from danvan.core.errors import InvalidInput, NotFound
from danvan.core.tests.orm_equality import same
from danvan.petitions.access import access_private, access_tracked
from danvan.petitions.models import Petition, PetitionFile, Status
from danvan.petitions.selectors import similar_petitions
from danvan.petitions.services.files import MAX_FILE_BYTES
from danvan.petitions.services.intake import petition_receive, petition_submit_public
from danvan.petitions.services.routing import routing_rule_set
from danvan.petitions.tests.conftest import CONTENT, intake, pdf, png


def test_staff_intake_fixes_the_rule_and_deadlines_of_the_filing_date(receive, at, tree):
    at(2026, 6, 30, 10)
    before = receive(kind="complaint_first", citizen_name="Nguyễn Văn An", citizen_address="Tổ 3")
    at(2026, 7, 1, 10)
    after = receive(kind="complaint_first", citizen_name="Nguyễn Văn An", citizen_address="Tổ 3")
    assert before.rule.effective_from == dt.date(2012, 7, 1) and before.accept_due == dt.date(2026, 7, 10)
    assert after.rule.effective_from == dt.date(2026, 7, 1) and after.accept_due == dt.date(2026, 7, 15)
    assert before.status == Status.RECEIVED and before.due_on == before.accept_due
    assert before.tracking_code.startswith("YK26-") and len(before.tracking_code) == 12
    assert before.unit_path == tree.commune_a.path and before.channel == "hotline"
    assert list(before.events.values_list("action", flat=True)) == ["receive"]


def test_feedback_is_acknowledged_within_eight_working_hours_across_tet(receive, at):
    at(2026, 2, 13, 15)
    petition = receive()
    assert petition.ack_due_at.astimezone(dt.UTC) == dt.datetime(2026, 2, 23, 8, tzinfo=dt.UTC)  # 15:00 VN
    assert petition.accept_due == dt.date(2026, 2, 23)


def test_complaint_filed_after_90_days_is_flagged(receive, at):
    at(2026, 6, 1)
    late = receive(
        kind="complaint_first",
        citizen_name="Trần Thị Bình",
        citizen_phone="0912345678",
        known_on=dt.date(2026, 2, 1),
    )
    in_time = receive(
        kind="complaint_first",
        citizen_name="Trần Thị Bình",
        citizen_phone="0912345678",
        known_on=dt.date(2026, 4, 1),
    )
    assert late.filed_late and not in_time.filed_late


def test_routing_rules_pick_the_most_specific_body(personas, tree, topic, orgs, receive):
    routing_rule_set(actor=personas.admin, unit=tree.province, organization=orgs["province"])
    routing_rule_set(actor=personas.admin, unit=tree.commune_a, organization=orgs["mttq_a"])
    routing_rule_set(actor=personas.admin, unit=tree.commune_a, topic=topic, organization=orgs["ubnd_a"])
    assert receive().organization == orgs["ubnd_a"]
    other_topic = topic.__class__.objects.get(code="moi-truong")
    assert receive(topic=other_topic).organization == orgs["mttq_a"]
    assert receive(user=personas.reporter_b, unit=tree.commune_b).organization == orgs["province"]
    routed = receive()
    assert list(routed.events.values_list("action", flat=True)) == ["receive", "route"]


def test_citizen_gets_a_tracking_code_and_a_private_link(tree, topic):
    petition, secret = petition_submit_public(
        intake=intake(tree, topic, citizen_email="an@example.vn", wants_updates=True)
    )
    assert petition.channel == "web" and petition.created_by is None
    assert access_tracked(petition.tracking_code.lower()) == petition
    assert access_private(petition.tracking_code, secret) == petition
    assert secret not in petition.access_hash
    with pytest.raises(NotFound):
        access_private(petition.tracking_code, secret + "x")
    with pytest.raises(NotFound):
        access_tracked("YK26-KHONGCO")


def test_the_tracked_item_is_read_as_the_orm_reads_it(tree, topic, receive):
    """access_tracked is a prepared read (core/fixed_sql.py): the item with its unit, topic and
    handling body as select_related gives them, whatever the case and spaces of the code."""
    for petition in (petition_submit_public(intake=intake(tree, topic))[0], receive()):
        ours = access_tracked(f"  {petition.tracking_code.lower()} ")
        orm = Petition.objects.select_related("unit", "topic", "organization").get(pk=petition.pk)
        same(ours, orm)
        with CaptureQueriesContext(connection) as reads:
            relations = (ours.unit, ours.topic, ours.organization)
        assert not reads.captured_queries
        for mine, theirs in zip(relations, (orm.unit, orm.topic, orm.organization), strict=True):
            assert (mine is None) == (theirs is None)
            if theirs is not None:
                same(mine, theirs)
    for code in ("", "YK26", "x" * 200, "YK26-<script>"):
        with pytest.raises(NotFound):
            access_tracked(code)


def test_files_are_checked_by_content_and_stored(receive):
    petition = receive(uploads=[png(), pdf()])
    files = list(petition.files.order_by("pk"))
    assert [f.type for f in files] == ["photo", "document"] and all(f.from_citizen for f in files)
    assert files[0].file.read().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"content": "   "}, "content"),
        ({"content": "ngắn"}, "content"),
        ({"content": "x" * 10_001}, "content"),
        ({"kind": "complaint_first"}, "citizen_name"),
        ({"kind": "denunciation", "citizen_name": "Lê C"}, "citizen_address"),
        ({"citizen_email": "khong-phai-thu"}, "citizen_email"),
        ({"citizen_phone": "abc"}, "citizen_phone"),
        ({"wants_updates": True}, "wants_updates"),
        ({"known_on": dt.date(2099, 1, 1)}, "known_on"),
        ({"kind": "khac"}, "kind"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(personas, tree, topic, unchanged, changes, field):
    with unchanged(), pytest.raises(InvalidInput) as refused:
        petition_receive(
            actor=personas.reporter_a,
            scope=scope_for(personas.reporter_a),
            intake=intake(tree, topic, **changes),
            channel="hotline",
        )
    assert field in refused.value.errors


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("anh.jpg", b"<html>not an image</html>", content_type="image/jpeg"), "file_type"),
        (SimpleUploadedFile("rong.png", b"", content_type="image/png"), "file_empty"),
    ],
)
def test_fake_and_empty_files_are_refused_with_nothing_stored(tree, topic, unchanged, upload, code):
    with unchanged(), pytest.raises(InvalidInput) as refused:
        petition_submit_public(intake=intake(tree, topic), uploads=[png(), upload])
    assert refused.value.code == code
    assert not PetitionFile.objects.exists()


def test_a_50_mb_file_is_refused_before_anything_is_stored(tree, topic, unchanged):
    big = SimpleUploadedFile(
        "video.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (50 * 1024 * 1024), content_type="image/png"
    )
    assert big.size > MAX_FILE_BYTES
    with unchanged(), pytest.raises(InvalidInput) as refused:
        petition_submit_public(intake=intake(tree, topic), uploads=[big])
    assert refused.value.code == "file_too_large" and "10 MB" in refused.value.message


def test_public_intake_needs_a_commune_and_staff_need_a_grant(personas, tree, topic, unchanged):
    with unchanged(), pytest.raises(InvalidInput):
        petition_submit_public(intake=intake(tree, topic, unit=tree.province))
    with unchanged(), pytest.raises(NotFound):
        petition_receive(
            actor=personas.reporter_b,
            scope=scope_for(personas.reporter_b),
            intake=intake(tree, topic),
            channel="hotline",
        )


def test_similar_items_of_the_same_commune_are_suggested(receive, personas, tree):
    first = receive()
    receive(content="Đề nghị sửa chữa cống thoát nước trước chợ phường bị tắc nghẽn.")
    receive(user=personas.reporter_b, unit=tree.commune_b, content=CONTENT)
    text = "den chieu sang duong Le Loi to dan pho 3 bi hong, buoi toi toi"
    found = similar_petitions(Petition.objects.all(), unit=tree.commune_a, text=text)
    assert found == [first]
