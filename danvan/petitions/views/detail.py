"""An item's page: content, clock, history, answers with evidence; the steps this user may take;
the sender's identity (audited for a denouncer); file downloads."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.models import Grant, Role, User
from danvan.core.errors import DomainError, NotFound, PermissionDenied
from danvan.orgs.models import Organization
from danvan.petitions import timing
from danvan.petitions.access import (
    HANDLE,
    LEAD,
    READ,
    access_file,
    access_petition,
    can,
    can_see_identity,
    visible_petitions,
)
from danvan.petitions.forms import AnswerForm, StepForm, add_domain_errors
from danvan.petitions.models import Petition, Status
from danvan.petitions.selectors import petition_history, similar_petitions
from danvan.petitions.services import handling
from danvan.petitions.services.identity import petition_identity_view
from danvan.petitions.services.steps import StepInput, petition_step
from danvan.petitions.views.common import crumbs, refusals, scope_of, send_file
from danvan.territory.models import PATH_SEGMENT
from danvan.territory.tree import subtree_q

HANDLER_ROLES = (Role.REPORTER, Role.APPROVER, Role.UNIT_ADMIN)

STEP_LABELS = {
    "accept": _("Thụ lý"),
    "reject": _("Không thụ lý"),
    "start": _("Bắt đầu xử lý"),
    "extend": _("Gia hạn"),
    "transfer": _("Chuyển xử lý"),
    "assign": _("Giao người xử lý"),
    "close": _("Kết thúc"),
    "reopen": _("Mở lại"),
    "withdraw": _("Ghi nhận rút đơn"),
}


def available_steps(request: HttpRequest, petition: Petition) -> list[str]:
    scope = scope_of(request)
    lead, handle = can(scope, petition, LEAD), can(scope, petition, HANDLE)
    allowed = handling.TRANSITIONS.get(petition.status, ())
    steps = []
    if lead and Status.ACCEPTED in allowed:
        steps += ["accept", "reject"]
    if handle and petition.status == Status.ACCEPTED:
        steps.append("start")
    if lead and petition.status in (Status.ACCEPTED, Status.IN_PROGRESS):
        steps.append("extend")
    if lead and petition.is_open:
        steps += ["transfer", "assign"]
    if lead and Status.CLOSED in allowed:
        steps.append("close")
    if lead and petition.status in (Status.ANSWERED, Status.CLOSED):
        steps.append("reopen")
    if handle and petition.is_open:
        steps.append("withdraw")
    return steps


def _step_form(petition: Petition, data: Any = None) -> StepForm:
    """Transfer targets: the bodies of the item's province; handlers: reporters and leaders
    whose grants cover the item's unit or the handling body's unit."""
    organizations = (
        Organization.objects.filter(valid_to__isnull=True)
        .filter(subtree_q([petition.unit_path[:PATH_SEGMENT]], "unit__path"))
        .order_by("sort_key")
    )
    paths = [petition.unit_path] + ([petition.org_unit_path] if petition.org_unit_path else [])
    prefixes = {p[:i] for p in paths for i in range(PATH_SEGMENT, len(p) + 1, PATH_SEGMENT)}
    granted = Grant.objects.filter(unit__path__in=prefixes, role__in=HANDLER_ROLES).values("user_id")
    users = User.objects.filter(is_active=True, pk__in=granted).order_by("username")
    return StepForm(data, organizations=organizations, users=users)


def detail_context(request: HttpRequest, petition: Petition, **bound: Any) -> dict[str, Any]:
    scope = scope_of(request)
    steps = available_steps(request, petition)
    return {
        "petition": petition,
        "today": timing.today(),
        "history": petition_history(petition),
        "answers": petition.answers.prefetch_related("files").order_by("created_at", "pk"),
        "evidence": petition.files.filter(from_citizen=False, answer__isnull=True),
        "citizen_files": petition.files.filter(from_citizen=True)
        if can_see_identity(scope, petition)
        else None,
        "handlers": petition.handlers.order_by("username"),
        "escalations": petition.escalations.select_related("to_unit"),
        "show_contacts": can_see_identity(scope, petition) and not petition.is_denunciation,
        "may_see_identity": can_see_identity(scope, petition),
        "steps": [(name, STEP_LABELS[name]) for name in steps],
        "step_form": bound.get("step_form") or (_step_form(petition) if steps else None),
        "failed_step": bound.get("failed_step", ""),
        "may_handle": can(scope, petition, HANDLE),
        "may_answer": can(scope, petition, HANDLE)
        and Status.ANSWERED in handling.TRANSITIONS.get(petition.status, ()),
        "similar": similar_petitions(
            visible_petitions(scope), unit=petition.unit, text=petition.content, exclude=petition.pk, limit=3
        ),
        "breadcrumbs": crumbs((petition.tracking_code, None)),
    }


@login_required
@refusals
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    petition = access_petition(scope_of(request), pk, READ)
    return render(request, "petitions/detail.html", detail_context(request, petition))


def run_step(request: HttpRequest, petition: Petition, name: str, data: dict[str, Any]) -> None:
    step_input = StepInput(
        reason=data.get("reason") or "",
        complexity=data.get("complexity") or "",
        remote=bool(data.get("remote")),
        organization=data.get("organization"),
        external_body=data.get("external_body") or "",
        handlers=list(data.get("handlers") or []),
    )
    petition_step(actor=request.user, scope=scope_of(request), petition=petition, name=name, data=step_input)


@require_POST
@login_required
@refusals
def step(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    petition = access_petition(scope_of(request), pk, READ)
    if name not in STEP_LABELS:
        raise NotFound()
    form = _step_form(petition, request.POST)
    if form.is_valid():
        try:
            run_step(request, petition, name, form.cleaned_data)
        except (NotFound, PermissionDenied):
            raise
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã thực hiện: %(step)s.") % {"step": STEP_LABELS[name]})
            return redirect("petitions:detail", petition.pk)
    context = detail_context(request, petition, step_form=form, failed_step=name)
    return render(request, "petitions/detail.html", context, status=422)


@login_required
@refusals
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    petition = access_petition(scope, pk, HANDLE)
    form = AnswerForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            handling.petition_answer(
                actor=request.user,
                scope=scope,
                petition=petition,
                text=data["text"],
                uploads=data["attachments"],
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                public=data["public"],
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã gửi câu trả lời kèm minh chứng."))
            return redirect("petitions:detail", petition.pk)
    context = {
        "form": form,
        "petition": petition,
        "breadcrumbs": crumbs(
            (petition.tracking_code, reverse("petitions:detail", args=[petition.pk])), (_("Trả lời"), None)
        ),
    }
    return render(request, "petitions/answer.html", context)


@login_required
@refusals
def identity(request: HttpRequest, pk: int) -> HttpResponse:
    """The sender's identity; for a denouncer, handlers only and audited on every view."""
    scope = scope_of(request)
    petition = access_petition(scope, pk, READ)
    found = petition_identity_view(actor=request.user, scope=scope, petition=petition)
    context = {
        "petition": petition,
        "identity": found,
        "breadcrumbs": crumbs(
            (petition.tracking_code, reverse("petitions:detail", args=[petition.pk])), (_("Người gửi"), None)
        ),
    }
    response = render(request, "petitions/identity.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@refusals
def file(request: HttpRequest, pk: int) -> HttpResponseBase:
    return send_file(access_file(scope_of(request), pk))


@require_POST
@login_required
@refusals
def duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark this item as a duplicate of a similar one the user can see (or clear the mark)."""
    scope = scope_of(request)
    petition = access_petition(scope, pk, HANDLE)
    raw = request.POST.get("original", "")
    original = access_petition(scope, int(raw), READ) if raw.isdigit() else None
    try:
        handling.petition_mark_duplicate(
            actor=request.user, scope=scope, petition=petition, original=original
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã đánh dấu trùng.") if original else _("Đã bỏ đánh dấu trùng."))
    return redirect("petitions:detail", petition.pk)
