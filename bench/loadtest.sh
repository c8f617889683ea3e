#!/usr/bin/env bash
# Load test on PostgreSQL, on this machine only: prepare the database (as bench.run does),
# start gunicorn (config.wsgi) and the task worker, run locust for a bounded time, print
# requests/s, p50/p95/p99 and errors per endpoint, stop the servers.
#
#   bench/loadtest.sh                                  # demo scale, 50 users, 60 s
#   SCALE=national USERS=100 DURATION=120s WORKERS=4 bench/loadtest.sh
#
# Variables: SCALE (demo|province|national), DATABASE_URL (default: the bench database of SCALE),
# PORT (8001), WORKERS (gunicorn processes, 2 × cores), THREADS (1), USERS (50), SPAWN_RATE (2),
# DURATION (90s), STEADY (set to 1 to reset the figures once every user has logged in, so that
# they show the steady state only), PY (.venv/bin/python). Results and logs go to var/loadtest/.
#
# Each simulated user logs in once as it starts. A password check costs about a second of CPU
# (PBKDF2, 1.5 million iterations, on purpose), so two cores admit about two logins a second:
# a higher SPAWN_RATE measures a login storm, not the pages.
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
DURATION=${DURATION:-90s}
STEADY=${STEADY:-}
OUT=var/loadtest
export DATABASE_URL=${DATABASE_URL:-$("$PY" -c "from bench.run import database_url; print(database_url('pg', '$SCALE'))")}
export DANVAN_DEBUG=false DJANGO_SETTINGS_MODULE=config.settings
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

echo "== locust: $USERS users, $SPAWN_RATE/s, $DURATION${STEADY:+, figures reset once all have logged in}"
DANVAN_LOADTEST_USERS="$OUT/users.json" "$BIN/locust" -f bench/locustfile.py --headless \
  -u "$USERS" -r "$SPAWN_RATE" -t "$DURATION" --host "http://127.0.0.1:$PORT" ${STEADY:+--reset-stats} \
  --csv "$OUT/locust" --only-summary --stop-timeout 10 >"$OUT/locust.log" 2>&1 || true
"$PY" -m bench.locust_report "$OUT/locust"
