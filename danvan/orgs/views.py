from django.http import Http404, HttpRequest, HttpResponse


def index(request: HttpRequest) -> HttpResponse:
    raise Http404


def people(request: HttpRequest) -> HttpResponse:
    raise Http404
