"""A process killed (SIGKILL) in the middle of an Excel import of 600 registrations, after the
first 500 were inserted, leaves none of them; the same file then imports in full."""

from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.tests.processes import crash_during
from danvan.practices.models import Practice, StatusChange
from danvan.practices.services.imports import practices_import
from danvan.practices.tests.test_import import row, workbook

ROWS = 600
IMPORT = """
from danvan.accounts.models import User
from danvan.accounts.scope import scope_for
from danvan.practices.services.imports import practices_import
user = User.objects.get(pk=ARGS["user"])
data = open(ARGS["file"], "rb").read()
practices_import(actor=user, scope=scope_for(user), data=data, keep_valid_only=False)
"""


def test_a_crash_during_an_excel_import_saves_none_of_it(shared_db, personas, economy, tmp_path, settings):
    user = personas.reporter_a
    data = workbook([row(name=f"Mô hình dân vận khéo số {i + 1}") for i in range(ROWS)])
    upload = tmp_path / "dang-ky.xlsx"
    upload.write_bytes(data)
    args = {"user": user.pk, "file": str(upload)}
    seen = crash_during(shared_db, IMPORT, table="practices_practice", args=args, tmp_path=tmp_path)
    assert seen == 500  # the first batch was written in the killed process's transaction
    assert Practice.objects.count() == 0 and StatusChange.objects.count() == 0
    assert not AuditEvent.objects.filter(action="practice.import").exists()
    report = practices_import(actor=user, scope=scope_for(user), data=data, keep_valid_only=False)
    assert len(report.created) == ROWS and StatusChange.objects.count() == ROWS
