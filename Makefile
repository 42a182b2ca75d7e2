# Writeback Assistant — every path and port in one place.
SHELL := /bin/bash

VENV        ?= .venv
BIN         := $(VENV)/bin
PYTHON_VERSION := $(shell cat .python-version)
# Python 3.10 for Rasa 3.6: pyenv's (as .python-version selects), else one on PATH.
PYTHON_310  ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/$(PYTHON_VERSION)*/bin/python) \
                 $(shell command -v python$(PYTHON_VERSION) 2>/dev/null))

DOMAIN      ?= domain
DATA        ?= data
CONFIG      ?= config.yml
ENDPOINTS   ?= endpoints.yml
CREDENTIALS ?= credentials.yml
MODELS      ?= models
MODEL       ?= $(MODELS)/writeback.tar.gz
RESULTS     ?= results
HOLDOUT     ?= tests/nlu/holdout
TEST_STORIES ?= tests/stories
RASA_PORT   ?= 5005
ACTIONS_PORT ?= 5055
# `make bench`: a stock `rasa init` bot (cached here, git-ignored) against ours.
BENCH_DIR   ?= .bench
STOCK_DIR   ?= $(BENCH_DIR)/stock
BENCH_LEVELS ?= 10 50
BENCH_WARMUP ?= 5
BENCH_SECONDS ?= 30
BENCH_WORKERS ?= $(shell nproc)
BENCH_TRACKER ?= redis
# Other configurations of ours to run alongside, as WORKERS:TRACKER (e.g. 1:redis).
BENCH_VARIANTS ?=
BENCH_OUT   ?= $(RESULTS)/bench
BENCH_PLOT  ?= $(BENCH_OUT)/latency.png
# Build-failing floor for held-out intent accuracy per locale (issue bar: 0.90).
MIN_ACCURACY ?= 0.82

export ACTION_ENDPOINT_URL ?= http://localhost:$(ACTIONS_PORT)/webhook
export TRACKER_DB ?= $(CURDIR)/tracker.db
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 3
export RASA_TELEMETRY_ENABLED := false
export PYTHONPATH := $(CURDIR)

RASA := $(BIN)/rasa
TRAIN_INPUTS := $(CONFIG) $(shell find $(DOMAIN) $(DATA) components -name '*.yml' -o -name '*.py' 2>/dev/null)

.PHONY: install install-prod train run shell test validate eval lint format ablation \
	bench clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	@test -n "$(PYTHON_310)" || { echo "Python $(PYTHON_VERSION) not found (pyenv install $(PYTHON_VERSION))"; exit 1; }
	$(PYTHON_310) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip<25" wheel
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

train: $(MODEL)

$(MODEL): $(VENV)/.installed $(TRAIN_INPUTS)
	$(RASA) train --config $(CONFIG) --domain $(DOMAIN) --data $(DATA) \
		--out $(MODELS) --fixed-model-name writeback

run: $(MODEL)
	@trap 'kill 0' EXIT; \
	$(RASA) run actions --actions actions --port $(ACTIONS_PORT) & \
	$(RASA) run --model $(MODEL) --endpoints $(ENDPOINTS) --credentials $(CREDENTIALS) \
		--port $(RASA_PORT) --enable-api --cors "*"

shell: $(MODEL)
	@trap 'kill 0' EXIT; \
	$(RASA) run actions --actions actions --port $(ACTIONS_PORT) & \
	$(RASA) shell --model $(MODEL) --endpoints $(ENDPOINTS)

lint: $(VENV)/.installed
	$(BIN)/ruff check actions components tests scripts
	$(BIN)/black --check --quiet actions components tests scripts

format: $(VENV)/.installed
	$(BIN)/ruff check --fix actions components tests scripts
	$(BIN)/black --quiet actions components tests scripts

validate: $(VENV)/.installed
	$(RASA) data validate --domain $(DOMAIN) --data $(DATA) --config $(CONFIG)

eval: $(MODEL)
	$(BIN)/python scripts/nlu_report.py --model $(MODEL) --holdout $(HOLDOUT) --out $(RESULTS)/nlu

# NLU accuracy on the held-out sets with and without spaCy lemmas.
ablation: $(VENV)/.installed
	$(BIN)/python scripts/ablation.py --holdout $(HOLDOUT) --out $(RESULTS)/ablation

# Debian packages for several Sanic workers: the Redis lock store (needs root).
install-prod:
	apt-get install -y redis-server

# The bot `rasa init` creates, trained once by this Rasa; the bench's baseline.
$(STOCK_DIR)/.trained: $(VENV)/.installed
	rm -rf $(STOCK_DIR) && mkdir -p $(STOCK_DIR)
	cd $(STOCK_DIR) && $(CURDIR)/$(RASA) init --no-prompt --init-dir .
	touch $@

# Closed-loop load on both bots over REST; prints the table, writes JSON and a plot.
bench: $(MODEL) $(STOCK_DIR)/.trained
	@command -v redis-server >/dev/null || { echo "redis-server not found: make install-prod"; exit 1; }
	$(BIN)/python -m scripts.bench.run --model $(MODEL) --stock-dir $(STOCK_DIR) \
		--levels $(BENCH_LEVELS) --warmup $(BENCH_WARMUP) --seconds $(BENCH_SECONDS) \
		--workers $(BENCH_WORKERS) --tracker $(BENCH_TRACKER) --variants $(BENCH_VARIANTS) \
		--out $(BENCH_OUT) --plot $(BENCH_PLOT)

# Lint, unit tests, data validation, training, then every test against the model.
test: lint validate $(MODEL)
	$(RASA) test core --model $(MODEL) --stories $(TEST_STORIES) --endpoints $(ENDPOINTS) \
		--out $(RESULTS)/stories --fail-on-prediction-errors
	MODEL=$(MODEL) MIN_ACCURACY=$(MIN_ACCURACY) $(BIN)/python -m pytest -q tests

clean:
	rm -rf $(MODELS) $(RESULTS) $(BENCH_DIR) .rasa tracker.db
