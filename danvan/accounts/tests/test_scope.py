from danvan.accounts.models import Role
from danvan.accounts.scope import scope_for
from danvan.territory.models import Unit


def visible(user, **kw):
    scope = scope_for(user)
    return set(Unit.objects.filter(scope.unit_q(**kw)).values_list("code", flat=True))


def test_grant_covers_subtree_only(personas, tree):
    assert visible(personas.reporter_a, history=False) == {"31510"}
    assert visible(personas.approver, history=False) == {"92", "31510", "31528"}


def test_grant_reads_history_of_predecessors(personas, tree):
    # The approver of the new Cần Thơ reads the former Sóc Trăng and its wards.
    assert visible(personas.approver) == {"92", "31510", "31528", "94", "31507"}
    # The reporter of ward A reads the old ward merged into it, not the old province.
    assert visible(personas.reporter_a) == {"31510", "31507"}
    assert visible(personas.other_approver) == {"04", "01273"}


def test_min_role_filters_grants(personas):
    assert visible(personas.reporter_a, min_role=Role.APPROVER) == set()
    assert visible(personas.approver, min_role=Role.APPROVER, history=False) == {"92", "31510", "31528"}


def test_system_admin_sees_everything(personas, tree):
    assert len(visible(personas.admin)) == Unit.objects.count()


def test_anonymous_sees_nothing(db):
    from django.contrib.auth.models import AnonymousUser

    assert visible(AnonymousUser()) == set()


def test_role_on_takes_highest_grant(personas, tree):
    scope = scope_for(personas.approver)
    assert scope.role_on(tree.commune_a) == Role.APPROVER
    assert scope.role_on(tree.commune_c) is None
    assert scope.covers(tree.commune_b, Role.APPROVER)
    assert not scope_for(personas.reporter_b).covers(tree.commune_a)
