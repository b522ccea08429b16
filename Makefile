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

TRAIN_INPUTS := config.yml $(shell find domain data components b12assist/safety -type f \( -name '*.yml' -o -name '*.py' \) 2>/dev/null)

.PHONY: help install train run shell test test-unit validate test-stories test-nlu test-server eval bench widget clean

help:
	@echo "make run    install, train if needed, start action server :5055, Rasa :5005, demo portal :8080"
	@echo "make test   the whole test suite (pytest, data validation, training, rasa test, gates)"
	@echo "make shell  talk to the assistant in the terminal (rasa shell + action server)"
	@echo "make train  train the model if data, domain or config changed"
	@echo "make eval   NLU and red-flag evaluation reports     make bench  benchmarks (bench/results/)"

$(STAMP): pyproject.toml constraints.txt
	@PYBIN=$$(scripts/find-python.sh) && \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	    rm -rf $(VENV); echo "creating $(VENV) with $$PYBIN"; $$PYBIN -m venv $(VENV); fi
	@echo "installing pinned dependencies into $(VENV) (log: $(VENV)/pip.log)"
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade "pip<24.1" "setuptools==70.3.0" "wheel==0.45.1" > $(VENV)/pip.log 2>&1 || (tail -40 $(VENV)/pip.log; false)
	@$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]" >> $(VENV)/pip.log 2>&1 || (tail -40 $(VENV)/pip.log; false)
	@touch $@

install: $(STAMP)

$(MODEL): $(STAMP) $(TRAIN_INPUTS)
	@mkdir -p models var
	$(PY) tools/gen_rules.py --check || (echo "data/rules/generated.yml is stale: run $(PY) tools/gen_rules.py" && false)
	$(RASA) train --domain domain --fixed-model-name b12 --out models
	@touch $@

train: $(MODEL)

widget: $(WIDGET)

$(WIDGET): $(shell find web/widget/src -type f 2>/dev/null) web/widget/package.json
	cd web/widget && (npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error) && npm run --silent build

run: $(MODEL) $(WIDGET)
	$(PY) -m b12assist.runner run

shell: $(MODEL)
	$(PY) -m b12assist.runner shell

test: $(STAMP)
	bash scripts/test.sh

eval: $(MODEL)
	bash scripts/eval.sh

bench: $(MODEL) $(WIDGET)
	$(PY) -m bench.run

clean:
	rm -rf models $(REPORTS) results .pytest_cache
