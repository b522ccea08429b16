#!/usr/bin/env bash
# `make eval`: NLU reports (held-out set and cross-validation, three pipelines compared), red-flag
# recall and false escalations per category, and the schedule conversations' success rate.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false PYTHONWARNINGS=ignore SQLALCHEMY_SILENCE_UBER_WARNING=1
PY=.venv/bin/python; RASA=.venv/bin/rasa; OUT=${EVAL_OUT:-docs/eval}   # committed snapshot, linked from the README
mkdir -p "$OUT"
FOLDS=${FOLDS:-3}
for cfg in eval/configs/*.yml; do
  name=$(basename "$cfg" .yml); d="$OUT/nlu-compare/$name"; rm -rf "$d"; mkdir -p "$d"
  echo "== $name: train on data/nlu, test on the held-out set"
  $RASA train nlu --config "$cfg" --nlu data/nlu --out "$d/model" --fixed-model-name nlu >"$d/train.log" 2>&1
  $RASA test nlu --model "$d/model/nlu.tar.gz" --nlu tests/nlu --out "$d/heldout" >"$d/heldout.log" 2>&1
  echo "== $name: $FOLDS-fold cross-validation on the training data"
  $RASA test nlu --config "$cfg" --nlu data/nlu --cross-validation --folds "$FOLDS" --out "$d/cv" >"$d/cv.log" 2>&1
  rm -rf "$d/model"
done
$PY -m eval.nlu_compare "$OUT/nlu-compare" | tee "$OUT/nlu_compare.md"
# keep the chosen pipeline's reports and images; drop bulky per-run files
for d in "$OUT"/nlu-compare/*/; do rm -f "$d"/*.log "$d"/*/intent_histogram.png "$d"/*/*errors.json "$d"/*/*successes.json; done
$PY -m eval.red_flags "$OUT/red_flags.md" >/dev/null && echo "wrote $OUT/red_flags.md"
$PY -m eval.schedule "$OUT/schedule.md"
# the newest blind NLU set (tests/nlu/blind/, written by someone who never saw the data): accuracy,
# in-scope fallback, per-topic F1 and the confusion matrix
latest=$(ls -d tests/nlu/blind/*/ | sort -V | tail -1)
$PY -m eval.blind nlu "${latest}nlu_blind.tsv" --out "$OUT/blind/nlu-latest.md" --png "$OUT/blind/nlu-latest-confusion.png" >/dev/null \
  && echo "wrote $OUT/blind/nlu-latest.md (${latest})"
