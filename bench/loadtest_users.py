"""Write the accounts the load test logs in with: `python -m bench.loadtest_users OUT.json`.

Staff: commune reporters and viewers and province approvers, spread over the provinces;
leaders: the commune and province approvers ("lanhdao.…"). Uses $DATABASE_URL like manage.py.
"""

import json
import os
import sys
from pathlib import Path
from typing import Any

LIMIT = 500


def accounts(limit: int = LIMIT) -> dict[str, list[dict[str, str]]]:
    from danvan.accounts.models import Grant, Role
    from danvan.territory.models import Level

    grants = (
        Grant.objects.filter(unit__isnull=False, user__username__regex=r"^(nhaplieu|xem|lanhdao)\.")
        .select_related("user", "unit__parent")
        .order_by("user__username", "pk")
    )
    staff: list[dict[str, str]] = []
    leaders: list[dict[str, str]] = []
    seen: set[str] = set()
    for grant in grants.iterator():
        unit, username = grant.unit, grant.user.username
        if unit is None or username in seen:
            continue
        seen.add(username)
        province = unit if unit.level == Level.PROVINCE else unit.parent
        row = {"username": username, "unit": unit.code, "province": province.code if province else unit.code}
        (leaders if grant.role == Role.APPROVER else staff).append(row)
        if grant.role == Role.APPROVER and unit.level == Level.PROVINCE:
            staff.append(row)
    return {"staff": _spread(staff, limit), "leaders": _spread(leaders, limit)}


def _spread(rows: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """At most `limit` rows taken evenly across the list (so across provinces), in a stable order."""
    step = max(1, len(rows) // limit)
    return rows[::step][:limit]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "var/loadtest/users.json")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    found = accounts()
    if not found["staff"] or not found["leaders"]:
        print("No generated users: run `manage.py generate` first.", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(found['staff'])} staff and {len(found['leaders'])} leaders written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
