"""Routing rules of a province: which body handles the items of a topic and kind filed in a unit's
subtree. Unit administrators maintain the rules of their subtree."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.accounts.models import Role
from danvan.core.errors import DomainError, NotFound, PermissionDenied
from danvan.orgs.models import Organization
from danvan.petitions import timing
from danvan.petitions.forms import add_domain_errors
from danvan.petitions.models import Kind, RoutingRule, Topic
from danvan.petitions.services.routing import routing_rule_remove, routing_rule_set
from danvan.petitions.views.common import crumbs, refusals, scope_of
from danvan.territory.models import Level, Unit
from danvan.territory.tree import subtree_q


class RuleForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Địa bàn (gồm cấp dưới)"), queryset=Unit.objects.none(), empty_label="—"
    )
    topic = forms.ModelChoiceField(
        label=gettext_lazy("Lĩnh vực"),
        queryset=Topic.objects.filter(is_active=True),
        required=False,
        empty_label=gettext_lazy("Mọi lĩnh vực"),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Loại"), choices=[("", gettext_lazy("Mọi loại")), *Kind.choices], required=False
    )
    organization = forms.ModelChoiceField(
        label=gettext_lazy("Cơ quan xử lý"), queryset=Organization.objects.none(), empty_label="—"
    )

    def __init__(
        self, *args: Any, units: QuerySet[Unit], organizations: QuerySet[Organization], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]


def _paths(request: HttpRequest) -> list[str]:
    scope = scope_of(request)
    if scope.is_system_admin:
        return [u.path for u in Unit.objects.filter(level=Level.PROVINCE, valid_to__isnull=True)]
    paths = scope.paths(Role.UNIT_ADMIN)
    if not paths:
        raise PermissionDenied(_("Quy tắc chuyển xử lý do quản trị đơn vị đặt."))
    return paths


def _form(request: HttpRequest, paths: list[str], data: Any = None) -> RuleForm:
    units = (
        Unit.objects.valid_on(timing.today())
        .filter(subtree_q(paths, "path"), level__in=(Level.PROVINCE, Level.COMMUNE))
        .order_by("path")
    )
    organizations = (
        Organization.objects.filter(valid_to__isnull=True)
        .filter(subtree_q(paths, "unit__path"))
        .select_related("unit")
        .order_by("unit__path", "sort_key")
    )
    return RuleForm(data, units=units, organizations=organizations)


@login_required
@refusals
def rules(request: HttpRequest) -> HttpResponse:
    paths = _paths(request)
    form = _form(request, paths, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            routing_rule_set(
                actor=request.user,
                unit=data["unit"],
                topic=data["topic"],
                kind=data["kind"],
                organization=data["organization"],
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu quy tắc chuyển xử lý."))
            return redirect("petitions:routing")
    context = {
        "form": form,
        "rules": RoutingRule.objects.filter(subtree_q(paths, "unit_path"))
        .select_related("unit", "topic", "organization")
        .order_by("unit_path", "topic__order", "kind"),
        "breadcrumbs": crumbs((_("Quy tắc chuyển xử lý"), None)),
    }
    return render(request, "petitions/routing.html", context)


@require_POST
@login_required
@refusals
def rule_remove(request: HttpRequest, pk: int) -> HttpResponse:
    rule = RoutingRule.objects.filter(subtree_q(_paths(request), "unit_path"), pk=pk).first()
    if rule is None:
        raise NotFound()
    routing_rule_remove(actor=request.user, rule=rule)
    messages.success(request, _("Đã xóa quy tắc."))
    return redirect("petitions:routing")
