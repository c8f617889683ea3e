"""A practice's page: content, status history, progress with evidence, commendations,
replication (list and tree), similar models, and the actions this user may take."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.models import Role
from danvan.accounts.selectors import current_unit
from danvan.core.errors import DomainError
from danvan.practices.access import APPROVE, READ, UPDATE, access_practice, can, visible_practices
from danvan.practices.forms import add_domain_errors
from danvan.practices.forms.results import AdoptForm, CommendForm, PublishForm, TransitionForm
from danvan.practices.graph import adoption_graph
from danvan.practices.models import RECOGNIZED_STATUSES, Kind, Practice
from danvan.practices.selectors import (
    loose_attachments,
    practice_history,
    practice_progress,
    progress_totals,
    similar_practices,
)
from danvan.practices.services.lifecycle import allowed_targets, practice_transition
from danvan.practices.services.registration import EDITABLE_STATUSES
from danvan.practices.services.replication import practice_adopt
from danvan.practices.services.results import ACTIVE, practice_commend, practice_publish
from danvan.practices.views.common import crumbs, refusals, scope_of, working_unit


def _may_adopt(request: HttpRequest, practice: Practice) -> bool:
    unit = current_unit(request)
    return (
        practice.kind == Kind.MODEL
        and practice.is_recognized
        and unit is not None
        and unit.pk != practice.unit_id
        and scope_of(request).covers(unit, Role.REPORTER)
    )


def _action_forms(request: HttpRequest, practice: Practice, bound: dict[str, forms.Form]) -> dict[str, Any]:
    scope = scope_of(request)
    targets = allowed_targets(practice, scope)
    approve = can(scope, practice, APPROVE)
    initial_publish = {"public": practice.is_public, "consent": practice.public_consent}
    defaults: dict[str, Any] = {
        "transition_form": TransitionForm(targets=targets) if targets else None,
        "commend_form": CommendForm() if approve and practice.is_recognized else None,
        "publish_form": PublishForm(initial=initial_publish) if approve and practice.is_recognized else None,
        "adopt_form": AdoptForm() if _may_adopt(request, practice) else None,
    }
    return defaults | bound


def detail_context(request: HttpRequest, practice: Practice, **bound: forms.Form) -> dict[str, Any]:
    scope = scope_of(request)
    visible = visible_practices(scope)
    update = can(scope, practice, UPDATE)
    return {
        "practice": practice,
        "history": practice_history(practice),
        "progress": practice_progress(practice),
        "totals": progress_totals(practice),
        "attachments": loose_attachments(practice),
        "commendations": practice.commendations.all(),
        "adoptions": visible.filter(source=practice).select_related("unit").order_by("unit__sort_key", "pk"),
        "graph": adoption_graph(practice, visible),
        "similar": similar_practices(practice, visible.filter(status__in=RECOGNIZED_STATUSES)),
        "can_edit": update and practice.status in EDITABLE_STATUSES,
        "can_progress": update and practice.status in ACTIVE,
        "breadcrumbs": crumbs((practice.name, None)),
        **_action_forms(request, practice, bound),
    }


@login_required
@refusals
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = access_practice(scope_of(request), pk, READ)
    return render(request, "practices/detail.html", detail_context(request, practice))


def _version(request: HttpRequest) -> int | None:
    text = request.POST.get("version", "")
    return int(text) if text.isdigit() and len(text) < 10 else None


@require_POST
@login_required
@refusals
def transition(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    practice = access_practice(scope, pk, READ)
    form = TransitionForm(request.POST, targets=allowed_targets(practice, scope))
    if form.is_valid():
        try:
            practice_transition(
                actor=request.user,
                scope=scope,
                practice=practice,
                to=form.cleaned_data["to"],
                reason=form.cleaned_data["reason"],
                expected_version=_version(request),
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã chuyển trạng thái."))
            return redirect("practices:detail", practice.pk)
    return render(request, "practices/detail.html", detail_context(request, practice, transition_form=form))


@require_POST
@login_required
@refusals
def commend(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    practice = access_practice(scope, pk, APPROVE)
    form = CommendForm(request.POST)
    if form.is_valid():
        try:
            practice_commend(actor=request.user, scope=scope, practice=practice, **form.cleaned_data)
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận khen thưởng."))
            return redirect("practices:detail", practice.pk)
    return render(request, "practices/detail.html", detail_context(request, practice, commend_form=form))


@require_POST
@login_required
@refusals
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    practice = access_practice(scope_of(request), pk, APPROVE)
    form = PublishForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            practice_publish(
                actor=request.user, practice=practice, public=data["public"], consent=data["consent"]
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            shown = _("Đã công khai trên trang tiêu biểu.") if data["public"] else _("Đã thôi công khai.")
            messages.success(request, shown)
            return redirect("practices:detail", practice.pk)
    return render(request, "practices/detail.html", detail_context(request, practice, publish_form=form))


@require_POST
@login_required
@refusals
def adopt(request: HttpRequest, pk: int) -> HttpResponse:
    """«Nhân rộng về đơn vị tôi»: register, for the current unit, a model copying this one."""
    scope = scope_of(request)
    source = access_practice(scope, pk, READ)
    unit = working_unit(request, Role.REPORTER)
    form = AdoptForm(request.POST)
    name = form.cleaned_data["name"] if form.is_valid() else ""
    try:
        adopted = practice_adopt(
            actor=request.user,
            scope=scope,
            source=source,
            unit=unit,
            year=timezone.localdate().year,
            name=name,
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("practices:detail", source.pk)
    messages.success(
        request, _("Đã đăng ký nhân rộng về %(unit)s; hãy bổ sung kế hoạch của đơn vị.") % {"unit": unit.name}
    )
    return redirect("practices:edit", adopted.pk)
