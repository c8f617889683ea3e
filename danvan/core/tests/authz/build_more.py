"""The rest of the world: meetings and their follow-up, petitions, campaigns, membership,
extraction, documents and the portal (see `build.py`)."""

import datetime as dt
import io
import zipfile
from typing import Any

from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from danvan.campaigns.models import BeneficiaryGroup, ItemKind
from danvan.campaigns.services import CampaignData, DistributionData, campaign_create, distribution_add
from danvan.core.tests.authz.world import World, pdf, png, scope, yesterday
from danvan.documents.services import document_generate, document_request
from danvan.extraction.extracting import extract_pasted
from danvan.extraction.services import batch_create, imported_text_create
from danvan.meetings.services import dialogues, directives, reception, supervision, tasks
from danvan.meetings.services.meetings import meeting_schedule
from danvan.membership.services.imports import import_template, members_import_prepare
from danvan.membership.services.members import MemberData, membership_add
from danvan.petitions.models import Holiday, Topic
from danvan.petitions.services.calendar import holiday_add
from danvan.petitions.services.files import check_uploads, store
from danvan.petitions.services.handling import petition_accept
from danvan.petitions.services.intake import Intake, petition_receive
from danvan.petitions.services.routing import petition_assign, routing_rule_set
from danvan.portal.models import Category, PostStatus
from danvan.portal.services.comments import comment_submit
from danvan.portal.services.posts import PostContent, post_create, post_transition

EXTRACTION_TEXT = (
    "Sáng 12/9/2025, Đảng ủy phường Sóc Trăng tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy "
    "với Nhân dân. Hội nghị tiếp nhận 27 ý kiến."
)


def meetings(w: World) -> None:
    """A dialogue of commune A held yesterday, with a question from the Front."""
    meeting = meeting_schedule(
        actor=w.reporter_a,
        scope=scope(w.reporter_a),
        unit=w.commune_a,
        kind="doi_thoai",
        title="Đối thoại giữa Bí thư Đảng ủy với Nhân dân",
        starts_at=dt.datetime.combine(yesterday(w), dt.time(8), tzinfo=dt.UTC),
        organizers=[w.party_a, w.front_a],
    )
    question = dialogues.question_add(
        actor=w.reporter_a, meeting=meeting, source="front", content="Đèn đường khóm 3 hỏng."
    )
    w.add(meeting=meeting, question=question)


def follow_up(w: World) -> None:
    """A task of the women's union with progress and evidence, and a directive of the party committee."""
    actor, writer = w.reporter_a, scope(w.reporter_a)
    task = tasks.task_create(
        actor=actor,
        scope=writer,
        spec=tasks.TaskSpec("Sửa đèn đường khóm 3", w.women_a, w.today + dt.timedelta(days=30)),
        assigner=w.party_a,
    )
    update = tasks.task_progress(actor=actor, task=task, progress=20, note="Đã khảo sát", evidence=pdf())
    directive = directives.directive_create(
        actor=actor,
        scope=writer,
        issuer=w.party_a,
        style="party",
        type_code="KH",
        issuer_code="ĐU",
        title="Kế hoạch thực hiện Quy chế dân chủ ở cơ sở",
        issued_on=yesterday(w),
    )
    w.add(task=task, task_update=update, directive=directive)


def supervision_and_reception(w: World) -> None:
    """A supervision by the Front with one recommendation; the secretary's reception schedule and
    yesterday's session, not yet recorded."""
    actor, writer = w.reporter_a, scope(w.reporter_a)
    found = supervision.supervision_record(
        actor=actor,
        scope=writer,
        kind="supervision",
        organization=w.front_a,
        subject="Giám sát việc bình xét hộ nghèo",
        supervised_name="UBND phường Sóc Trăng",
        starts_on=yesterday(w),
        ends_on=yesterday(w),
        recommendations=[supervision.RecommendationSpec("Công khai danh sách hộ nghèo")],
    )
    schedule = reception.reception_schedule_create(
        actor=actor,
        scope=writer,
        head=w.person,
        head_title="Bí thư Đảng ủy",
        organization=w.party_a,
        published_time="Sáng thứ Năm tuần thứ hai và thứ tư",
        place="Trụ sở Đảng ủy phường",
    )
    session = reception.reception_session_plan(
        actor=actor, schedule=schedule, day=yesterday(w), starts=dt.time(8), ends=dt.time(11)
    )
    w.add(
        supervision=found,
        recommendation=found.recommendations.get(),
        reception_schedule=schedule,
        reception_session=session,
    )


def petitions(w: World) -> None:
    petition, secret = petition_receive(
        actor=w.reporter_a,
        scope=scope(w.reporter_a),
        intake=Intake(
            kind="report",
            topic=Topic.objects.get(code="ha-tang"),
            unit=w.commune_a,
            content="Đèn chiếu sáng trên đường Lê Lợi, khóm 3 bị hỏng đã hai tuần.",
            citizen_name="Lý Văn Dân",
            citizen_phone="0912345678",
        ),
        channel="hotline",
        uploads=[png("hien-truong.png")],
    )
    denunciation = _denunciation(w)
    holiday = Holiday.objects.filter(date__year=w.year).first() or holiday_add(
        actor=w.admin, day=dt.date(w.year, 9, 2), kind="holiday", name="Quốc khánh"
    )
    w.add(
        petition=petition,
        denunciation=denunciation,
        petition_file=petition.files.get(),
        tracking_code=petition.tracking_code,
        petition_secret=secret,
        holiday=holiday,
        routing_rule=routing_rule_set(actor=w.admin, unit=w.commune_a, organization=w.front_a),
        petition_step="accept",
        public_step="rut-don",
    )


def _denunciation(w: World) -> Any:
    """A denunciation accepted by the approver and assigned to reporter A: only the handler sees
    who sent it."""
    received, _secret = petition_receive(
        actor=w.reporter_a,
        scope=scope(w.reporter_a),
        intake=Intake(
            kind="denunciation",
            topic=Topic.objects.get(code="can-bo"),
            unit=w.commune_a,
            content="Tố cáo cán bộ địa chính phường nhận tiền khi làm thủ tục đất đai.",
            citizen_name="Người Tố Cáo",
            citizen_phone="0987654321",
        ),
        channel="hotline",
        uploads=[png("bien-lai.png")],  # what the denouncer sent: the assigned handlers' alone
    )
    leader = scope(w.approver)
    accepted = petition_accept(actor=w.approver, scope=leader, petition=received)
    assigned = petition_assign(actor=w.approver, scope=leader, petition=accepted, handlers=[w.reporter_a])
    (evidence,) = store(
        petition=assigned, checked_uploads=check_uploads([pdf("bien-ban-xac-minh.pdf")]), actor=w.reporter_a
    )
    w.add(evidence=evidence, denunciation_file=assigned.files.get(from_citizen=True))
    return assigned


def campaigns(w: World) -> None:
    actor, writer = w.reporter_a, scope(w.reporter_a)
    campaign = campaign_create(
        actor=actor,
        scope=writer,
        data=CampaignData(
            name="Tết vì người nghèo",
            unit=w.commune_a,
            start_date=dt.date(w.year, 1, 1),
            end_date=dt.date(w.year, 12, 31),
            goal_money=50_000_000,
        ),
    )
    distribution = distribution_add(
        actor=actor,
        scope=writer,
        campaign=campaign,
        data=DistributionData(
            unit=w.commune_a,
            item_kind=ItemKind.objects.get(code="suat_qua"),
            groups=[BeneficiaryGroup.objects.get(code="ho_ngheo")],
            quantity=10,
            distributed_on=yesterday(w),
            value=5_000_000,
        ),
    )
    w.add(campaign=campaign, distribution=distribution)


def membership(w: World) -> None:
    actor, writer = w.reporter_a, scope(w.reporter_a)
    record, _reason = membership_add(
        actor=actor,
        scope=writer,
        organization=w.women_a,
        data=MemberData(full_name="Nguyễn Thị Lan", birth_date=dt.date(1985, 3, 15), gender="female"),
        joined_on=dt.date(2010, 6, 1),
    )
    pending, _report = members_import_prepare(
        actor=actor, scope=writer, organization=w.women_a, file_name="hoi-vien.xlsx", data=member_workbook()
    )
    w.add(membership=record, member_import=pending)


def member_workbook() -> bytes:
    """The import template with one member."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(import_template()))
    sheet = book.active
    assert sheet is not None
    sheet.append(["Trần Thị Mai", "20/10/1990", "Nữ", "", "01/01/2020", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def extraction(w: World) -> None:
    source, result = extract_pasted(EXTRACTION_TEXT)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("doi-thoai.txt", EXTRACTION_TEXT)
    w.add(
        imported_text=imported_text_create(actor=w.reporter_a, source=source, extraction=result),
        batch=batch_create(actor=w.reporter_a, name="van-ban.zip", data=archive.getvalue()),
    )


def documents(w: World) -> None:
    document = document_request(
        actor=w.reporter_a,
        scope=scope(w.reporter_a),
        type_code="report",
        unit=w.commune_a,
        parameters={"form": "dv-xa-thang", "period": "2026-M03"},
    )
    w.add(document=document_generate(document_id=document.pk) or document, document_style="party")


def portal(w: World) -> None:
    content = PostContent(
        category=Category.objects.order_by("pk").first(),
        title="Phường Sóc Trăng ra quân làm sạch khóm 3",
        body="Sáng Chủ nhật, đoàn viên, hội viên và người dân khóm 3 cùng ra quân làm sạch tuyến đường.",
        tags=("môi trường",),
    )
    post = post_create(
        actor=w.reporter_a,
        scope=scope(w.reporter_a),
        unit=w.commune_a,
        content=content,
        cover=png("anh-bia.png"),
    )
    post = post_transition(actor=w.reporter_a, scope=scope(w.reporter_a), post=post, to=PostStatus.REVIEW)
    post = post_transition(actor=w.approver, scope=scope(w.approver), post=post, to=PostStatus.PUBLISHED)
    comment = comment_submit(
        post=post, name="Lê Văn Đọc", body="Rất đáng hoan nghênh.", address="203.0.113.9"
    )
    w.add(post=post, comment=comment, category=post.category, tag=post.tags.first())


def background_tasks(w: World) -> None:
    """A background task that failed for good (the failed-task page and its "run again")."""
    now = timezone.now()
    failed = DBTaskResult.objects.create(
        status=TaskResultStatus.FAILED,
        enqueued_at=now,
        finished_at=now,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="danvan.meetings.tasks.send_task_reminders",
        worker_ids=["w1", "w2", "w3"],
        backend_name="default",
        run_after=now,
        exception_class_path="builtins.RuntimeError",
        traceback="RuntimeError: máy chủ thư điện tử không trả lời",
    )
    w.add(failed_task=failed)


BUILDERS = (
    background_tasks,
    meetings,
    follow_up,
    supervision_and_reception,
    petitions,
    campaigns,
    membership,
    extraction,
    documents,
    portal,
)
