#!/usr/bin/env bash
# Load test on PostgreSQL, on this machine only: prepare the database (as bench.run does),
# start gunicorn (config.wsgi) and the task worker, run locust for a bounded time, print
# requests/s, p50/p95/p99 and errors per endpoint, and the logins apart, then stop the servers.
#
#   bench/loadtest.sh                                           # demo scale, end-of-period day
#   SCALE=national USERS=100 DURATION=4m WORKERS=4 bench/loadtest.sh
#   SCALE=national SCENARIO=dashboards USERS=50 bench/loadtest.sh   # issue #9
#
# Variables: SCALE (demo|province|national), SCENARIO (end_of_period|dashboards, see
# bench/locustfile.py), DATABASE_URL (default: the bench database of SCALE), PORT (8001),
# WORKERS (gunicorn processes, 2 × cores), THREADS (1), USERS (50), SPAWN_RATE (2), DURATION
# (3m, the logins included), PY (.venv/bin/python). Results and logs go to var/loadtest/.
#
# Each simulated user logs in once as it starts, as people log in once a day. A password check
# costs about a second of CPU (PBKDF2, on purpose), so two cores admit about two logins a second:
# the figures are reset once every user has logged in, and the logins are reported apart.
# All simulated citizens share 127.0.0.1, so the per-address limit of public petitions is raised
# for the run (DANVAN_PETITION_PUBLIC_LIMIT); real citizens each have their own address.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
BIN=$(dirname "$PY")
SCALE=${SCALE:-demo}
PORT=${PORT:-8001}
WORKERS=${WORKERS:-$((2 * $(nproc)))}
THREADS=${THREADS:-1}
USERS=${USERS:-50}
SPAWN_RATE=${SPAWN_RATE:-2}
DURATION=${DURATION:-3m}
SCENARIO=${SCENARIO:-end_of_period}
OUT=var/loadtest
export DATABASE_URL=${DATABASE_URL:-$("$PY" -c "from bench.run import database_url; print(database_url('pg', '$SCALE'))")}
export DANVAN_DEBUG=false DJANGO_SETTINGS_MODULE=config.settings DANVAN_PETITION_PUBLIC_LIMIT=1000000
# as docs/deploy.md runs production: each process keeps its database connection for a minute
export DANVAN_DB_CONN_MAX_AGE=${DANVAN_DB_CONN_MAX_AGE:-60}
mkdir -p "$OUT"

case "$DATABASE_URL" in postgres*) ;; *) echo "loadtest.sh runs on PostgreSQL; DATABASE_URL=$DATABASE_URL" >&2; exit 2 ;; esac
test -x "$BIN/locust" || { echo "locust missing: $PY -m pip install --require-hashes --no-deps -r requirements/bench.lock" >&2; exit 2; }

echo "== preparing $DATABASE_URL (scale $SCALE)"
"$PY" -m bench.run --scale "$SCALE" --db pg --database-url "$DATABASE_URL" --prepare-only
"$PY" manage.py collectstatic --no-input -v 0
"$PY" -m bench.loadtest_users "$OUT/users.json"

pids=()
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_servers EXIT INT TERM

echo "== starting gunicorn ($WORKERS workers × $THREADS threads) on 127.0.0.1:$PORT and the task worker"
"$BIN/gunicorn" config.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --threads "$THREADS" \
  --access-logfile "$OUT/access.log" --error-logfile "$OUT/gunicorn.log" &
pids+=($!)
"$PY" manage.py db_worker >"$OUT/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "gunicorn did not answer; see $OUT/gunicorn.log" >&2; exit 1; }

echo "== locust, scenario $SCENARIO: $USERS users, $SPAWN_RATE/s, $DURATION; figures reset once all have logged in"
uptime
rm -f "$OUT/logins.json" "$OUT/cpu.json"
PYTHONPATH="$PWD" SCENARIO="$SCENARIO" DANVAN_LOADTEST_USERS="$OUT/users.json" DANVAN_LOADTEST_LOGINS="$OUT/logins.json" "$BIN/locust" \
  -f bench/locustfile.py --headless -u "$USERS" -r "$SPAWN_RATE" -t "$DURATION" --host "http://127.0.0.1:$PORT" \
  --csv "$OUT/locust" --only-summary --stop-timeout 10 >"$OUT/locust.log" 2>&1 || true
uptime
"$PY" -m bench.locust_report "$OUT/locust"
