"""Killing a real process in the middle of its work (crash tests).

`crash_during(...)` starts `python -c` with the project's settings on the test's database (see
the `shared_db` fixture), runs the given code there, and pauses that process right after its
`after`-th write (INSERT/UPDATE/DELETE) to `table` — inside its transaction, so part of the work
is written but not committed. The process then reports how many rows of `table` it sees, and is
killed with SIGKILL: no exception handler, no `finally`, no rollback by Python. Whatever the
database keeps afterwards is what a power cut or an OOM kill would leave.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = """
import json, os, time
import django
django.setup()
from django.db import connection
spec = json.loads(os.environ["DANVAN_CRASH_SPEC"])
writes = 0

def pause_after_writes(execute, sql, params, many, context):
    global writes
    result = execute(sql, params, many, context)
    verb = sql.lstrip().split(" ", 1)[0].upper()
    if verb in ("INSERT", "UPDATE", "DELETE") and f'"{spec["table"]}"' in sql:
        writes += 1
        if writes == spec["after"]:
            with connection.cursor() as cursor:
                cursor.execute(f'SELECT count(*) FROM "{spec["table"]}"')
                seen = cursor.fetchone()[0]
            Path = __import__("pathlib").Path
            Path(spec["signal"] + ".tmp").write_text(str(seen))
            os.replace(spec["signal"] + ".tmp", spec["signal"])
            time.sleep(600)
    return result

with connection.execute_wrapper(pause_after_writes):
    exec(spec["code"], {"ARGS": spec["args"]})
raise SystemExit("the code finished without reaching the crash point")
"""


def crash_during(
    database_url: str, code: str, *, table: str, after: int = 1, args: Any = None, tmp_path: Path
) -> int:
    """Run `code` in a new process, SIGKILL it after its `after`-th write to `table`; return the
    number of rows of `table` the process saw in its own transaction just before dying."""
    signal_file = tmp_path / f"crash-{time.monotonic_ns()}"
    spec = {"code": code, "args": args, "table": table, "after": after, "signal": str(signal_file)}
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "DANVAN_CRASH_SPEC": json.dumps(spec),
    }
    errors = signal_file.with_suffix(".stderr")
    with errors.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr
        )
        try:
            _wait_for(signal_file, process, errors)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return int(signal_file.read_text())


def _wait_for(
    signal_file: Path, process: subprocess.Popen[bytes], errors: Path, timeout: float = 120
) -> None:
    deadline = time.monotonic() + timeout
    while not signal_file.exists():
        if process.poll() is not None:
            text = errors.read_text(errors="replace")[-3000:]
            raise AssertionError(f"the process ended before the crash point:\n{text}")
        if time.monotonic() > deadline:
            raise AssertionError("the process did not reach the crash point in time")
        time.sleep(0.05)
