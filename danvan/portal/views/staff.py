"""«Tin tức» for staff: the unit's posts, writing and editing, the editorial flow, comments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.accounts.selectors import current_unit
from danvan.core.errors import DomainError, NotFound
from danvan.core.export import ListExport, export_response, filters_text, wants_export
from danvan.portal.access import (
    EDIT,
    READ,
    access_comment,
    access_post,
    moderated_comments,
    visible_posts,
    writable_units,
)
from danvan.portal.exports import comment_columns, comment_row, post_columns, post_row
from danvan.portal.forms import PostForm
from danvan.portal.models import CommentStatus, Post, PostStatus
from danvan.portal.selectors import NewsFilter, filter_posts, pending_comment_count
from danvan.portal.services import allowed_steps, comment_moderate, post_create, post_transition, post_update
from danvan.portal.services.posts import TRANSITIONS, may_edit
from danvan.portal.views.common import crumbs, page_number, paginate, refusals, scope_of

STEP_LABELS = {
    PostStatus.REVIEW: gettext_lazy("Gửi duyệt"),
    PostStatus.PUBLISHED: gettext_lazy("Duyệt và đăng"),
    PostStatus.DRAFT: gettext_lazy("Trả về bản nháp"),
}


def _manage_crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    return crumbs((_("Quản lý tin tức"), reverse("portal:manage")), *items)


@login_required
def manage(request: HttpRequest) -> HttpResponseBase:
    scope = scope_of(request)
    status = request.GET.get("status", "")
    q = request.GET.get("q", "").strip()[:200]
    posts = filter_posts(visible_posts(scope), NewsFilter(q=q))
    if status in PostStatus.values:
        posts = posts.filter(status=status)
    posts = posts.select_related("category", "unit", "edited_by").order_by("-updated_at", "-pk")
    if wants_export(request):
        filters = filters_text(
            [(_("Trạng thái"), dict(PostStatus.choices).get(status, "")), (_("Tìm kiếm"), q)]
        )
        return export_response(
            request, ListExport(_("Tin tức"), "tin-tuc", post_columns(), posts, post_row, filters)
        )
    context = {
        "page": paginate(posts, page_number(request), 25),
        "status": status,
        "q": q,
        "statuses": PostStatus.choices,
        "can_write": bool(writable_units(scope)),
        "pending_comments": pending_comment_count(moderated_comments(scope)),
        "breadcrumbs": crumbs((_("Quản lý tin tức"), None)),
    }
    return render(request, "portal/manage/index.html", context)


@login_required
@refusals
def post_new(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    units = writable_units(scope)
    if not units:
        raise NotFound(_("Bạn chưa có quyền viết tin cho đơn vị nào."))
    unit = current_unit(request)
    initial = {"unit": unit.pk if unit in units else units[0].pk}
    form = PostForm(request.POST or None, request.FILES or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            post = post_create(
                actor=request.user,
                scope=scope,
                unit=form.cleaned_data["unit"],
                content=form.content(),
                cover=form.cleaned_data.get("cover"),
            )
        except DomainError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu bản nháp «%(title)s».") % {"title": post.title})
            return redirect("portal:edit", pk=post.pk)
    context = {"form": form, "breadcrumbs": _manage_crumbs((_("Viết tin"), None))}
    return render(request, "portal/manage/form.html", context, status=200)


def _form_errors(form: PostForm, exc: DomainError) -> None:
    for field, errors in exc.errors.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)
    if not exc.errors:
        form.add_error(None, exc.message)


def _initial(post: Post) -> dict[str, object]:
    return {
        "category": post.category_id,
        "title": post.title,
        "summary": post.summary,
        "body": post.body,
        "author_line": post.author_line,
        "tags": ", ".join(post.tags.values_list("name", flat=True)),
        "cover_alt": post.cover_alt,
        "version": post.version,
    }


@login_required
@refusals
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    post = access_post(scope, pk, READ if request.method == "GET" else EDIT)
    editable = may_edit(scope, post)
    form = PostForm(
        request.POST or None, request.FILES or None, units=[], editing=True, initial=_initial(post)
    )
    if request.method == "POST" and form.is_valid():
        try:
            post = post_update(
                actor=request.user,
                scope=scope,
                post=post,
                content=form.content(),
                version=form.cleaned_data.get("version"),
                cover=form.cleaned_data.get("cover"),
                remove_cover=form.cleaned_data.get("remove_cover", False),
            )
        except DomainError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu các thay đổi."))
            return redirect("portal:edit", pk=post.pk)
    steps = [{"to": to, "label": STEP_LABELS[PostStatus(to)]} for to in allowed_steps(scope, post)]
    context = {
        "post": post,
        "form": form if editable else None,
        "steps": steps,
        "breadcrumbs": _manage_crumbs((post.title, None)),
    }
    return render(request, "portal/manage/form.html", context)


@login_required
@require_POST
@refusals
def post_step(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    post = access_post(scope, pk, READ)
    to = request.POST.get("to", "")
    if (post.status, to) not in TRANSITIONS:
        messages.error(request, _("Không thể chuyển tin bài sang trạng thái này."))
        return redirect("portal:edit", pk=post.pk)
    try:
        post = post_transition(actor=request.user, scope=scope, post=post, to=to)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Tin bài đã chuyển sang «%(status)s».") % {"status": post.get_status_display()}
        )
    return redirect("portal:edit", pk=post.pk)


@login_required
def comments(request: HttpRequest) -> HttpResponseBase:
    status = request.GET.get("status", CommentStatus.PENDING)
    status = status if status in CommentStatus.values else CommentStatus.PENDING
    found = (
        moderated_comments(scope_of(request))
        .filter(status=status)
        .select_related("post", "moderated_by")
        .order_by("-created_at", "-pk")
    )
    if wants_export(request):
        filters = filters_text([(_("Trạng thái"), dict(CommentStatus.choices).get(status, ""))])
        export = ListExport(
            _("Ý kiến bạn đọc"), "y-kien-ban-doc", comment_columns(), found, comment_row, filters
        )
        return export_response(request, export)
    context = {
        "page": paginate(found, page_number(request), 25),
        "status": status,
        "statuses": CommentStatus.choices,
        "breadcrumbs": _manage_crumbs((_("Ý kiến bạn đọc"), None)),
    }
    return render(request, "portal/manage/comments.html", context)


@login_required
@require_POST
@refusals
def comment_decide(request: HttpRequest, pk: int) -> HttpResponse:
    comment = access_comment(scope_of(request), pk)
    decision = request.POST.get("decision", "")
    if decision not in ("approve", "reject"):
        messages.error(request, _("Hãy chọn duyệt hoặc không duyệt."))
        return redirect("portal:comments")
    try:
        comment_moderate(
            actor=request.user, scope=scope_of(request), comment=comment, approve=decision == "approve"
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        done = (
            _("Đã duyệt ý kiến của %(name)s.")
            if decision == "approve"
            else _("Đã không duyệt ý kiến của %(name)s.")
        )
        messages.success(request, done % {"name": comment.name})
    return redirect("portal:comments")
