from django.http import Http404, HttpRequest, HttpResponse


def index(request: HttpRequest) -> HttpResponse:
    raise Http404


def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    raise Http404
