"""Year-end evaluation (bình xét): rounds, their practices, scoring, the board, the chair's decisions."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.models import Role
from danvan.core.errors import DomainError
from danvan.core.export import ListExport, export_response, wants_export
from danvan.practices.access import (
    ROUND_CHAIR,
    ROUND_READ,
    ROUND_SCORE,
    access_round,
    access_round_item,
    visible_practices,
    visible_rounds,
)
from danvan.practices.exports import round_columns, round_row
from danvan.practices.forms import add_domain_errors
from danvan.practices.forms.evaluation import AddPracticesForm, DecisionForm, RoundForm, ScoreForm
from danvan.practices.models import EvaluationRound
from danvan.practices.selectors import (
    criteria_sets_for,
    evaluable_practices,
    evaluator_candidates,
    own_scores,
    round_board,
)
from danvan.practices.services.evaluation import (
    round_add_practices,
    round_close,
    round_create,
    round_decide,
    score_submit,
)
from danvan.practices.views.common import (
    crumbs,
    may_on_current,
    refusals,
    render_page,
    scope_of,
    working_unit,
)


def _round_crumbs(evaluation: EvaluationRound | None = None, *last: tuple[str, str | None]) -> Any:
    items: list[tuple[str, str | None]] = [(_("Bình xét"), reverse("practices:rounds"))]
    if evaluation is not None:
        items.append((evaluation.title, reverse("practices:round", args=[evaluation.pk])))
    return crumbs(*items, *last)


@login_required
def rounds(request: HttpRequest) -> HttpResponseBase:
    listed = visible_rounds(scope_of(request)).select_related("unit").annotate(n_items=Count("items"))
    listed = listed.order_by("-year", "-created_at")
    if wants_export(request):
        export = ListExport(_("Đợt bình xét"), "dot-binh-xet", round_columns(), listed, round_row, "")
        return export_response(request, export)
    context = {
        "rounds": listed,
        "can_create": may_on_current(request, Role.APPROVER),
        "breadcrumbs": crumbs((_("Bình xét"), None)),
    }
    return render(request, "practices/rounds.html", context)


@login_required
@refusals
def round_new(request: HttpRequest) -> HttpResponse:
    unit = working_unit(request, Role.APPROVER)
    form = RoundForm(
        request.POST or None, criteria_sets=criteria_sets_for(unit), users=evaluator_candidates(unit)
    )
    if request.method == "POST" and form.is_valid():
        try:
            evaluation = round_create(
                actor=request.user, scope=scope_of(request), unit=unit, **form.cleaned_data
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo đợt bình xét; hãy thêm mô hình, điển hình cần bình xét."))
            return redirect("practices:round_add", evaluation.pk)
    context = {"form": form, "unit": unit, "breadcrumbs": _round_crumbs(None, (_("Tạo đợt bình xét"), None))}
    return render(request, "practices/round_form.html", context)


def _round_context(
    request: HttpRequest, evaluation: EvaluationRound, bound: DecisionForm | None = None
) -> Any:
    is_chair = evaluation.chair_id == request.user.pk
    is_open = evaluation.state == EvaluationRound.State.OPEN
    rows = []
    for entry in round_board(evaluation, request.user):
        form = None
        if is_chair and is_open and not entry.item.decision:
            use_bound = bound is not None and bound.item.pk == entry.item.pk
            form = bound if use_bound else DecisionForm(item=entry.item)
        rows.append({"entry": entry, "decision_form": form})
    evaluators = list(evaluation.evaluators.all().order_by("username"))
    return {
        "evaluation": evaluation,
        "rows": rows,
        "evaluators": evaluators,
        "criteria": list(evaluation.criteria_set.criteria.all()),
        "is_chair": is_chair,
        "is_evaluator": any(e.pk == request.user.pk for e in evaluators),
        "is_open": is_open,
        "breadcrumbs": _round_crumbs(None, (evaluation.title, None)),
    }


@login_required
@refusals
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = access_round(scope_of(request), pk, ROUND_READ)
    return render(request, "practices/round.html", _round_context(request, evaluation))


@login_required
@refusals
def round_add(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    evaluation = access_round(scope, pk, ROUND_CHAIR)
    candidates = evaluable_practices(evaluation, visible_practices(scope))
    form = AddPracticesForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            added = round_add_practices(
                actor=request.user, evaluation=evaluation, practices=list(form.cleaned_data["practices"])
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm %(n)s mô hình, điển hình vào đợt bình xét.") % {"n": added})
            return redirect("practices:round", evaluation.pk)
    context = {
        "form": form,
        "evaluation": evaluation,
        "breadcrumbs": _round_crumbs(evaluation, (_("Thêm"), None)),
    }
    return render(request, "practices/round_add.html", context)


def _score_forms(
    request: HttpRequest, evaluation: EvaluationRound, bound: ScoreForm | None = None
) -> list[ScoreForm]:
    criteria = list(evaluation.criteria_set.criteria.all())
    given = own_scores(evaluation, request.user)
    items = evaluation.items.select_related("practice__unit", "practice__field").order_by(
        "practice__sort_key", "pk"
    )
    forms = []
    for item in items:
        if bound is not None and bound.item.pk == item.pk:
            forms.append(bound)
            continue
        initial = {f"c{cid}": value for cid, value in given.get(item.pk, {}).items()}
        forms.append(ScoreForm(criteria=criteria, item=item, initial=initial))
    return forms


@login_required
@refusals
def round_scoring(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = access_round(scope_of(request), pk, ROUND_SCORE)
    context = {
        "evaluation": evaluation,
        "score_forms": _score_forms(request, evaluation),
        "breadcrumbs": _round_crumbs(evaluation, (_("Chấm điểm"), None)),
    }
    return render(request, "practices/round_scoring.html", context)


@require_POST
@login_required
@refusals
def round_score(request: HttpRequest, pk: int, item_id: int) -> HttpResponse:
    evaluation = access_round(scope_of(request), pk, ROUND_SCORE)
    item = access_round_item(evaluation, item_id)
    form = ScoreForm(request.POST, criteria=list(evaluation.criteria_set.criteria.all()), item=item)
    saved = False
    if form.is_valid():
        try:
            score_submit(actor=request.user, item=item, values=form.values())
            saved = True
        except DomainError as exc:
            add_domain_errors(form, exc, {k: f"c{k}" for k in exc.errors})
    if saved and not request.headers.get("HX-Request"):
        messages.success(request, _("Đã lưu điểm cho «%(name)s».") % {"name": item.practice.name})
        return redirect(reverse("practices:round_scoring", args=[evaluation.pk]) + f"#muc-{item.pk}")
    context = {
        "evaluation": evaluation,
        "score_forms": _score_forms(request, evaluation, form),
        "form": form,
        "saved": saved,
        "breadcrumbs": _round_crumbs(evaluation, (_("Chấm điểm"), None)),
    }
    return render_page(request, "practices/round_scoring.html", "practices/_score_form.html", context)


@require_POST
@login_required
@refusals
def round_decision(request: HttpRequest, pk: int, item_id: int) -> HttpResponse:
    scope = scope_of(request)
    evaluation = access_round(scope, pk, ROUND_CHAIR)
    item = access_round_item(evaluation, item_id)
    form = DecisionForm(request.POST, item=item)
    if form.is_valid():
        try:
            round_decide(actor=request.user, scope=scope, item=item, **form.cleaned_data)
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi kết luận cho «%(name)s».") % {"name": item.practice.name})
            return redirect("practices:round", evaluation.pk)
    return render(request, "practices/round.html", _round_context(request, evaluation, form))


@require_POST
@login_required
@refusals
def round_finish(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = access_round(scope_of(request), pk, ROUND_CHAIR)
    try:
        round_close(actor=request.user, evaluation=evaluation)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã kết thúc đợt bình xét."))
    return redirect("practices:round", evaluation.pk)
