"""A process killed (SIGKILL) in the middle of saving a member list leaves nothing half-written:
killed after 1,000 of 1,200 people were inserted, and again after all people and the first 500
memberships, the database holds none of the file; the import then runs to its end."""

from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.tests.processes import crash_during
from danvan.membership.models import Member, MemberImport, Membership
from danvan.membership.services.imports import members_import_apply, members_import_prepare
from danvan.membership.tests.conftest import row, workbook

ROWS = 1_200
APPLY = """
from danvan.accounts.models import User
from danvan.accounts.scope import scope_for
from danvan.membership.models import MemberImport
from danvan.membership.services.imports import members_import_apply
user = User.objects.get(pk=ARGS["user"])
members_import_apply(actor=user, scope=scope_for(user), pending=MemberImport.objects.get(pk=ARGS["pending"]))
"""


def test_a_crash_while_saving_a_member_list_saves_none_of_it(shared_db, personas, orgs, tmp_path):
    user = personas.reporter_a
    rows = [
        row(f"Hội Viên Số {i}", f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1960 + i % 40}") for i in range(ROWS)
    ]
    pending, _ = members_import_prepare(
        actor=user,
        scope=scope_for(user),
        organization=orgs["women_a"],
        file_name="ds.xlsx",
        data=workbook(rows),
    )
    args = {"user": user.pk, "pending": pending.pk}
    events = AuditEvent.objects.count()
    for table, after, written in (("membership_member", 2, 1_000), ("membership_membership", 1, 500)):
        seen = crash_during(shared_db, APPLY, table=table, after=after, args=args, tmp_path=tmp_path)
        assert seen == written  # the killed process had written this much in its transaction
        assert Member.objects.count() == 0 and Membership.objects.count() == 0
        pending.refresh_from_db()
        assert not pending.done and bytes(pending.data)  # the file is kept for another try
        assert AuditEvent.objects.count() == events
    members_import_apply(actor=user, scope=scope_for(user), pending=MemberImport.objects.get(pk=pending.pk))
    assert Member.objects.count() == ROWS and Membership.objects.count() == ROWS
