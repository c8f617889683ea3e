from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from danvan.core import selectors


def home(request: HttpRequest) -> HttpResponse:
    """The landing page: the user's current unit and what lies below it (cheap, indexed reads)."""
    if not request.user.is_authenticated:
        return redirect("portal:index")  # citizens land on the public portal; staff log in from it
    context = selectors.home_summary(request)
    return render(request, "core/home.html", context)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
