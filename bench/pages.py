"""Benchmarks of the pages the end-of-period day asks for most (bench/locustfile.py): one request
each through the whole web stack in this process (middleware, view, template), against GET
/healthz through the same client. Together with the load test they say where a request's CPU goes.

The reporter's report is a draft of the last finished month of a commune of the fixtures' province
(opened if it does not exist, as the reporter's first click does), so it renders every value as an
input, as the reporters of the load test see it.
"""

from typing import Any

from django.test import Client
from django.utils import timezone

from bench.fixtures import Fixtures
from bench.registry import Case, Unavailable, benchmark
from danvan.accounts.models import Grant, Role, User
from danvan.accounts.scope import scope_for
from danvan.core.periods import Period
from danvan.petitions.models import Petition
from danvan.reporting.models import ReportForm, Status, Submission
from danvan.reporting.services.submissions import submission_open
from danvan.territory.models import Level, Unit

FORM = "dv-xa-thang"  # the communes' monthly report, as in bench/loadtest_users.py


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="danvan.accounts.backends.AccountBackend")
    return client


def _get(client: Client, path: str) -> Any:
    response = client.get(path)
    if response.status_code != 200:
        raise Unavailable(f"GET {path} answered {response.status_code}")
    return response


def _page_case(client: Client, path: str) -> Case:
    _get(client, path)
    return Case(lambda: _get(client, path), lambda: _get(client, "/healthz"))


def _reporter_and_draft(fx: Fixtures) -> tuple[User, Submission]:
    """A commune reporter of the province and their draft of last month, opened if need be."""
    form = ReportForm.objects.filter(code=FORM).first()
    if form is None:
        raise Unavailable(f"no report form {FORM}")
    period = Period.month(timezone.localdate().year, timezone.localdate().month).previous()
    grants = Grant.objects.filter(
        role=Role.REPORTER, unit__level=Level.COMMUNE, unit__parent=fx.province, unit__valid_to__isnull=True
    ).select_related("user", "unit")
    for grant in grants.order_by("unit__code", "pk")[:200]:
        unit: Unit = grant.unit  # type: ignore[assignment]
        submission = Submission.objects.filter(form=form, unit=unit, period_code=period.code).first()
        if submission is None:
            submission = submission_open(
                actor=grant.user, scope=scope_for(grant.user), form=form, unit=unit, period=period
            )
        if submission.status == Status.DRAFT:
            return grant.user, submission
    raise Unavailable(f"no commune reporter of {fx.province.code} with last month's report in draft")


@benchmark("pages.report_entry", baseline="GET /healthz, same client")
def report_entry(fx: Fixtures) -> Case:
    """GET /bao-cao/<id>/: a commune reporter's draft monthly report, every value an input."""
    user, submission = _reporter_and_draft(fx)
    return _page_case(_client(user), f"/bao-cao/{submission.pk}/")


@benchmark("pages.reporter_inbox", baseline="GET /healthz, same client")
def reporter_inbox(fx: Fixtures) -> Case:
    """GET /bao-cao/: a commune reporter's inbox (reports due, the unit's submissions)."""
    user, _submission = _reporter_and_draft(fx)
    return _page_case(_client(user), "/bao-cao/")


@benchmark("pages.approver_list", baseline="GET /healthz, same client")
def approver_list(fx: Fixtures) -> Case:
    """GET /bao-cao/?status=submitted…: a province approver's list of last month's reports waiting."""
    period = Period.month(timezone.localdate().year, timezone.localdate().month).previous()
    return _page_case(_client(fx.approver), f"/bao-cao/?status=submitted&period={period.code}&form={FORM}")


@benchmark("pages.dashboard_commune", baseline="GET /healthz, same client")
def dashboard_commune(fx: Fixtures) -> Case:
    """GET /tong-quan/?unit=<commune>: a commune's dashboard for the province approver."""
    return _page_case(_client(fx.approver), f"/tong-quan/?unit={fx.commune.code}")


@benchmark("pages.rollups_province", baseline="GET /healthz, same client")
def rollups_province(fx: Fixtures) -> Case:
    """GET /bao-cao/tong-hop/?indicator=meetings_held&unit=<province>: the rollup page."""
    return _page_case(
        _client(fx.approver), f"/bao-cao/tong-hop/?indicator=meetings_held&unit={fx.province.code}"
    )


@benchmark("pages.petition_tracking", baseline="GET /healthz, same client")
def petition_tracking(fx: Fixtures) -> Case:
    """GET /gui-y-kien/theo-doi/<code>/: a citizen following a petition of the province, no login."""
    petition = (
        Petition.objects.filter(unit_path__startswith=fx.province.path)
        .exclude(tracking_code="")
        .order_by("pk")
        .first()
    )
    if petition is None:
        raise Unavailable(f"no petition with a tracking code in {fx.province.code}")
    return _page_case(Client(), f"/gui-y-kien/theo-doi/{petition.tracking_code}/")


@benchmark("pages.petition_form", baseline="GET /healthz, same client")
def petition_form(fx: Fixtures) -> Case:
    """GET /gui-y-kien/?tinh=<province>: the public petition form, no login."""
    return _page_case(Client(), f"/gui-y-kien/?tinh={fx.province.code}")
