#!/usr/bin/env bash
# `make test`: the whole suite. Exits non-zero when anything fails. Reports land in reports/.
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
START=$(date +%s)

step "unit tests (pure modules, actions, store, calendar, red-flag detector)"
$PY -m pytest -q -m "not server and not browser and not shell and not trained and not cluster" --junitxml="$R/pytest-unit.xml"

step "rasa data validate --fail-on-warnings"
quiet "$R/validate.log" $RASA data validate --domain domain --fail-on-warnings
echo "data is valid"

step "training (skipped when data, domain and config are unchanged)"
T0=$(date +%s)
quiet "$R/train.log" make --no-print-directory models/b12.tar.gz
echo "model ready in $(( $(date +%s) - T0 )) s"
$PY -m pytest -q -m trained --junitxml="$R/pytest-trained.xml"

step "rasa test: test stories (--fail-on-prediction-errors)"
rm -rf "$R/stories"
quiet "$R/stories.log" $RASA test core --model models/b12.tar.gz --stories tests/test_stories.yml \
  --out "$R/stories" --fail-on-prediction-errors
$PY -c "import json,sys; c=json.load(open(sys.argv[1]))['conversation_accuracy']; print(f\"test stories: {c['correct']}/{c['total']} correct\")" "$R/stories/story_report.json"

step "rasa test nlu: held-out set (tests/nlu), gate macro F1 >= 0.92"
rm -rf "$R/nlu"
quiet "$R/nlu.log" $RASA test nlu --model models/b12.tar.gz --nlu tests/nlu --out "$R/nlu"
$PY tools/gates.py nlu "$R/nlu/intent_report.json" --min-macro-f1 0.92

step "end-to-end: real Rasa + action servers over REST, red-flag gate, shell, browser"
$PY -m pytest -q -m "server or browser or shell" --junitxml="$R/pytest-e2e.xml"

step "PostgreSQL: store, staff, actions, runner and REST tests again on a throwaway local server"
eval "$(bash scripts/throwaway-postgres.sh start)"
trap 'bash scripts/throwaway-postgres.sh stop "$B12_PG_DIR"' EXIT
$PY -m pytest -q -m "not browser and not shell and not trained and not cluster" -k "store or staff or actions or runner or e2e_rest" \
  --junitxml="$R/pytest-postgres.xml"

echo
echo "make test: everything passed in $(( $(date +%s) - START )) s. Reports: $R/"
