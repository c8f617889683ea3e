"""The public showcase (no login): recognised practices their units published, with their story,
photos, results and commendations. Nothing personal about an individual without their consent."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.practices.access import access_public_practice
from danvan.practices.models import Attachment
from danvan.practices.selectors import progress_totals, public_practices, public_progress
from danvan.practices.views.common import refusals

PUBLIC_PAGE_SIZE = 12


def _crumbs(*last: tuple[str, str | None]) -> list[dict[str, str | None]]:
    items = [
        (_("Trang chủ"), reverse("core:home")),
        (_("Dân vận khéo tiêu biểu"), reverse("practices:showcase")),
    ]
    return [{"label": label, "url": url} for label, url in [*items, *last]]


def showcase(request: HttpRequest) -> HttpResponse:
    photos = Prefetch(
        "attachments",
        queryset=Attachment.objects.filter(type=Attachment.Type.PHOTO).order_by("pk"),
        to_attr="photos",
    )
    practices = (
        public_practices()
        .select_related("unit", "field")
        .prefetch_related(photos)
        .order_by("-year", "sort_key", "pk")
    )
    page = Paginator(practices, PUBLIC_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "breadcrumbs": _crumbs()}
    return render(request, "practices/public/index.html", context)


@refusals
def showcase_detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = access_public_practice(pk)
    photos = practice.attachments.filter(type=Attachment.Type.PHOTO).order_by("uploaded_at", "pk")
    context = {
        "practice": practice,
        "photos": photos,
        "progress": public_progress(practice),
        "totals": progress_totals(practice),
        "commendations": practice.commendations.all(),
        "show_person": practice.public_consent,
        "breadcrumbs": _crumbs((practice.name, None)),
    }
    return render(request, "practices/public/detail.html", context)
