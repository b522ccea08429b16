#!/usr/bin/env bash
# `make test`: the whole suite. Exits non-zero when anything fails. Reports land in reports/.
# Work that does not depend on the other runs side by side on the two cores: the unit tests while the
# model trains (about a minute) and on; as soon as the model is ready, the checks of the model (rasa
# test), the end-to-end suite and the PostgreSQL pass.
# Each side lane keeps its own log in reports/ and is summed up (or its tail shown) when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false PYTHONWARNINGS=ignore SQLALCHEMY_SILENCE_UBER_WARNING=1
export TQDM_DISABLE=1
PY=.venv/bin/python
RASA=.venv/bin/rasa
R=reports
mkdir -p "$R" var
step() { printf '\n==> %s  [%s]\n' "$1" "$(date +%T)"; }
quiet() { # run a noisy command, keep its full log, show the tail when it fails
  local log="$1"; shift
  if ! "$@" >"$log" 2>&1; then tail -n 60 "$log"; echo "FAILED: $* (full log: $log)"; return 1; fi
}
declare -A LANE_PID LANE_T0
lane() { # lane NAME CMD...: run CMD in the background, its output in reports/NAME.log
  local name="$1"; shift
  LANE_T0[$name]=$(date +%s)
  "$@" >"$R/$name.log" 2>&1 &
  LANE_PID[$name]=$!
  echo "started: $name (log: $R/$name.log)"
}
FAILED=()
killtree() { # stop a process and everything under it (paused first, so it starts nothing new meanwhile)
  local c
  kill -STOP "$1" 2>/dev/null || return 0
  for c in $(pgrep -P "$1" 2>/dev/null); do killtree "$c"; done
  kill -TERM "$1" 2>/dev/null; kill -CONT "$1" 2>/dev/null || true
}
# what still runs when this script ends early (a failed training, Ctrl-C) is stopped with it: the
# lanes and a foreground step (rasa data validate, rasa train)
trap 'for p in "${LANE_PID[@]}" $(pgrep -P $$ 2>/dev/null); do killtree "$p"; done' EXIT
finish() { # finish NAME: wait for the lane, show its last summary lines, or its tail when it failed
  local name="$1" rc=0
  wait "${LANE_PID[$name]}" || rc=$?
  unset 'LANE_PID[$name]'
  local took=$(( $(date +%s) - ${LANE_T0[$name]} ))
  if [ "$rc" -eq 0 ]; then
    echo "-- $name: passed in ${took} s"
    { grep -E '^(=+ .*(passed|failed).* =+|[0-9]+ passed.*|test stories: .*|.*macro F1.*)$' "$R/$name.log" || true; } \
      | tail -n 4 | sed 's/^/   /'
  else
    echo "-- $name: FAILED after ${took} s (exit $rc); the end of $R/$name.log:"
    tail -n 80 "$R/$name.log"
    FAILED+=("$name")
  fi
}
START=$(date +%s)

step "unit tests (pure modules, actions, store, calendar, red-flag detector), beside data validation, training and the lanes after it"
lane unit $PY -m pytest -q -m "not server and not browser and not shell and not trained and not cluster" --junitxml="$R/pytest-unit.xml"

quiet "$R/validate.log" $RASA data validate --domain domain --fail-on-warnings
echo "rasa data validate --fail-on-warnings: data is valid"

T0=$(date +%s)
quiet "$R/train.log" make --no-print-directory models/b12.tar.gz
echo "training (skipped when data, domain, config and the trained components are unchanged): model ready in $(( $(date +%s) - T0 )) s"

model_checks() { # the trained model on its own: pytest -m trained, rasa test core and nlu with their gates
  set -e
  echo "== pytest -m trained"
  $PY -m pytest -q -m trained --junitxml="$R/pytest-trained.xml"
  echo "== rasa test: test stories (--fail-on-prediction-errors)"
  rm -rf "$R/stories"
  quiet "$R/stories.log" $RASA test core --model models/b12.tar.gz --stories tests/test_stories.yml \
    --out "$R/stories" --fail-on-prediction-errors
  $PY -c "import json,sys; c=json.load(open(sys.argv[1]))['conversation_accuracy']; print(f\"test stories: {c['correct']}/{c['total']} correct\")" "$R/stories/story_report.json"
  echo "== rasa test nlu: held-out set (tests/nlu), gate macro F1 >= 0.92"
  rm -rf "$R/nlu"
  quiet "$R/nlu.log" $RASA test nlu --model models/b12.tar.gz --nlu tests/nlu --out "$R/nlu"
  $PY tools/gates.py nlu "$R/nlu/intent_report.json" --min-macro-f1 0.92
}

postgres_pass() { # store, staff, actions, runner and REST tests again on a throwaway local PostgreSQL
  set -e
  local env
  env=$(bash scripts/throwaway-postgres.sh start)     # a failed start fails the lane here
  eval "$env"
  trap 'bash scripts/throwaway-postgres.sh stop "$B12_PG_DIR"' EXIT TERM
  $PY -m pytest -q -m "not browser and not shell and not trained and not cluster" -k "store or staff or actions or runner or e2e_rest" \
    --junitxml="$R/pytest-postgres.xml"
}

step "the trained model: pytest -m trained, rasa test (stories, held-out NLU gate); end-to-end on real Rasa + action servers (REST, red-flag and schedule gates, shell, Chromium, review loop); the PostgreSQL pass"
# The end-to-end suite waits on replies far more than it computes (one conversation at a time), so
# it runs as two lanes of about equal length, each with its own servers: the review loop (a retrain),
# the blind red-flag gate and the health checks; and everything else.
E2E_SLOW=(tests/test_review_e2e.py tests/test_blind_redflags.py tests/test_health.py)
lane e2e-slow $PY -m pytest -q -m "server or browser or shell" "${E2E_SLOW[@]}" --junitxml="$R/pytest-e2e-slow.xml"
lane e2e $PY -m pytest -q -m "server or browser or shell" "${E2E_SLOW[@]/#/--ignore=}" --junitxml="$R/pytest-e2e.xml"
lane model-checks model_checks
lane postgres postgres_pass
finish unit
finish model-checks
finish postgres
finish e2e
finish e2e-slow

echo
if [ "${#FAILED[@]}" -gt 0 ]; then
  echo "make test: FAILED (${FAILED[*]}) after $(( $(date +%s) - START )) s. Reports: $R/"
  exit 1
fi
echo "make test: everything passed in $(( $(date +%s) - START )) s. Reports: $R/"
