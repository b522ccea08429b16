#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter: $PYTHON, else python3.10 on PATH, else pyenv's 3.10.
set -euo pipefail
is310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }
if [ -n "${PYTHON:-}" ]; then
  if is310 "$PYTHON"; then command -v "$PYTHON" || echo "$PYTHON"; exit 0; fi
  echo "error: PYTHON=$PYTHON is not Python 3.10" >&2; exit 1
fi
if command -v python3.10 >/dev/null 2>&1; then
  # pyenv's shim exists even when 3.10 is not the selected version: ask it to run.
  if is310 python3.10; then
    p=$(python3.10 -c 'import sys; print(sys.executable)'); echo "$p"; exit 0
  fi
fi
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.|$)' | sort -V -r); do
    p="$(pyenv root)/versions/$v/bin/python3.10"
    if is310 "$p"; then echo "$p"; exit 0; fi
  done
fi
cat >&2 <<'MSG'
error: B12 Assist needs Python 3.10 (Rasa 3.6 supports 3.8-3.10), and none was found.
Install it, then run the command again, for example:
  Debian/Ubuntu:  sudo apt-get install python3.10 python3.10-venv
  pyenv:          pyenv install 3.10.13
  or point PYTHON at one:  make run PYTHON=/path/to/python3.10
MSG
exit 1
