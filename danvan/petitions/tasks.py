"""Background work of the petitions app (django.tasks; database backend, no broker)."""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task

from danvan.petitions import timing
from danvan.petitions.links import tracking_path
from danvan.petitions.models import Petition, Status
from danvan.petitions.services.reminders import petition_reminders_run

SITE_URL: str = getattr(settings, "DANVAN_SITE_URL", "")  # e.g. https://danvan.cantho.gov.vn
MESSAGES = {
    "accept": "đã được thụ lý, hạn giải quyết {due}.",
    "reject": "không được thụ lý; lý do xem trên trang theo dõi.",
    "answer": "đã có kết quả giải quyết.",
    "transfer_out": "đã được chuyển đến cơ quan có thẩm quyền.",
    "reopen": "được giải quyết lại, hạn mới {due}.",
    "close": "đã kết thúc.",
    "extend": "được gia hạn giải quyết đến {due}.",
}


@task
def petition_reminders(day: str = "") -> dict[str, int]:
    """The daily reminders and escalations for `day` (ISO date; default today)."""
    return petition_reminders_run(day=dt.date.fromisoformat(day) if day else timing.today())


@task
def notify_citizen(petition_id: int, action: str) -> bool:
    """Tell a sender who asked for updates that their item moved (no content in the mail)."""
    petition = Petition.objects.filter(pk=petition_id).first()
    if petition is None or not (petition.wants_updates and petition.citizen_email) or action not in MESSAGES:
        return False
    due = f"{petition.resolve_due:%d/%m/%Y}" if petition.resolve_due else ""
    body = (
        f"Vụ việc mã {petition.tracking_code} {MESSAGES[action].format(due=due)}\n"
        f"Tình trạng: {Status(petition.status).label}. "
        f"Xem tại {SITE_URL}{tracking_path(petition.tracking_code)}"
    )
    send_mail(
        f"[DanVan] Vụ việc {petition.tracking_code}",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [petition.citizen_email],
    )
    return True
