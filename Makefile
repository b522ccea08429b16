# B12 Assist. Two commands do all set-up: `make run` and `make test` (see README).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
RASA      := $(VENV)/bin/rasa
STAMP     := $(VENV)/.installed
MODEL     := models/b12.tar.gz
REPORTS   := reports
WIDGET    := web/static/widget.js

# Quiet, readable logs (no TensorFlow chatter, no progress bars when not on a terminal).
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONWARNINGS := ignore
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
ifeq ($(shell [ -t 1 ] && echo tty),)
export TQDM_DISABLE := 1
endif

# What the model is trained from, derived by tools/train_inputs.py (config, domain, data and the code
# of the custom components Rasa trains). Empty before the venv exists; the model then depends on it.
TRAIN_INPUTS := $(shell [ -x $(PY) ] && $(PY) tools/train_inputs.py 2>/dev/null)

.PHONY: help install sysdeps-run sysdeps-test sysdeps-cluster train run cluster cluster-test shell test test-unit validate test-stories test-nlu test-server eval bench widget clean

help:
	@echo "make run    install, train if needed, start action server :5055, Rasa :5005, demo portal :8080"
	@echo "make test   the whole test suite (pytest, data validation, training, rasa test, gates)"
	@echo "make shell  talk to the assistant in the terminal (rasa shell + action server)"
	@echo "make train  train the model if data, domain or config changed"
	@echo "make eval   NLU and red-flag evaluation reports     make bench  benchmarks (bench/results/)"
	@echo "make cluster       nginx :5005 -> Rasa :5006/:5007 (PostgreSQL tracker store, Redis lock store), actions :5055/:5056"
	@echo "make cluster-test  the cluster under load: duplicates, a replica SIGKILLed, red flags, Redis stopped"

$(STAMP): pyproject.toml constraints.txt
	@bash scripts/check-space.sh
	@PYBIN=$$(scripts/find-python.sh) && \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	    rm -rf $(VENV); echo "creating $(VENV) with $$PYBIN"; $$PYBIN -m venv $(VENV); fi
	@echo "installing pinned dependencies into $(VENV) (log: $(VENV)/pip.log)"
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade "pip<24.1" "setuptools==70.3.0" "wheel==0.45.1" > $(VENV)/pip.log 2>&1 || (tail -40 $(VENV)/pip.log; false)
	@$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]" >> $(VENV)/pip.log 2>&1 || (tail -40 $(VENV)/pip.log; false)
	@touch $@

install: $(STAMP)

# System packages (Node/npm; for tests also Chromium and the PostgreSQL server): apt-get as root,
# otherwise the exact command to run.
sysdeps-run:
	@bash scripts/system-deps.sh run
sysdeps-test:
	@bash scripts/system-deps.sh test
sysdeps-cluster:
	@bash scripts/system-deps.sh cluster

# Order-only on the venv: re-running pip (say, after a pytest setting changed in pyproject.toml) does
# not retrain; a change of locked versions (constraints.txt) does.
$(MODEL): constraints.txt $(TRAIN_INPUTS) | $(STAMP)
	@mkdir -p models var
	$(PY) tools/gen_rules.py --check || (echo "data/rules/generated.yml is stale: run $(PY) tools/gen_rules.py" && false)
	$(PY) tools/gen_safety_replies.py --check || (echo "domain/safety_replies.yml is stale: run $(PY) tools/gen_safety_replies.py" && false)
	$(PY) tools/gen_greeting_prefixed.py --check
	$(RASA) train --force --domain domain --fixed-model-name b12 --out models
	@touch $@

train: $(MODEL)

widget: $(WIDGET)

$(WIDGET): | sysdeps-run
$(WIDGET): $(shell find web/widget/src -type f 2>/dev/null) web/widget/package.json
	cd web/widget && (npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error) && npm run --silent build

run: sysdeps-run $(MODEL) $(WIDGET)
	$(PY) -m b12assist.serve.runner run

# The scaled-out topology on loopback ports (b12assist/serve/cluster.py); `make run` is unchanged.
cluster: sysdeps-cluster $(MODEL) $(WIDGET)
	$(PY) -m b12assist.serve.cluster

cluster-test: sysdeps-cluster $(MODEL) $(WIDGET)
	$(PY) -m pytest -q -s tests/test_cluster_config.py tests/test_redislock.py tests/test_cluster.py

shell: $(MODEL)
	$(PY) -m b12assist.serve.runner shell

test: sysdeps-test $(STAMP) $(WIDGET)
	bash scripts/test.sh

eval: $(MODEL)
	bash scripts/eval.sh

bench: $(MODEL) $(WIDGET)
	$(PY) -m bench.run

clean:
	rm -rf models $(REPORTS) results .pytest_cache
