#!/usr/bin/env bash
# Stops at once, with what to do, when the disk cannot hold the install: the virtual environment
# (Rasa, TensorFlow, spaCy) takes about 3 GB in the project folder and pip unpacks in the temporary
# folder. Used by the Makefile before it creates or fills .venv.
#   scripts/check-space.sh [GB]   (default B12_MIN_FREE_GB or 4)
set -euo pipefail
need_gb="${1:-${B12_MIN_FREE_GB:-4}}"
for dir in . "${TMPDIR:-/tmp}"; do
  free_kb=$(df -Pk "$dir" | awk 'NR==2 {print $4}')
  if [ "$free_kb" -lt $((need_gb * 1024 * 1024)) ]; then
    mount=$(df -Pk "$dir" | awk 'NR==2 {print $6}')
    echo "B12 Assist needs about ${need_gb} GB free to install (found $((free_kb / 1024 / 1024)) GB on ${mount}, for ${dir})." >&2
    echo "Free some space there (old clones, caches), then run the same make command again." >&2
    exit 1
  fi
done
