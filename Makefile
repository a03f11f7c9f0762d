# socialaid — two commands matter: `make demo` and `make test` (see README.md).
SHELL := /bin/bash
OPA := .tools/bin/opa
PY := .venv/bin/python
EXAMPLE ?= examples/urban-family-eligible.json
REGO_COVERAGE_MIN ?= 90

.PHONY: setup tools venv fonts browser stage bundle demo test check-rego check-python pytest bench schemas regal clean impact

IMPACT_N ?= 20000
IMPACT_SEED ?= 2021
IMPACT_BASE ?= HEAD

setup: tools venv fonts

tools:
	@scripts/ensure-opa.sh

venv:
	@scripts/ensure-python.sh

fonts:  # a CJK font for Chinese chart labels where the platform allows; never fails
	@scripts/ensure-fonts.sh

browser:  # Debian's chromium and chromium-driver for the web page's browser test, where apt allows; never fails
	@scripts/ensure-browser.sh

stage: setup
	@$(PY) -m socialaid.server.bundle stage >/dev/null

bundle: setup
	@$(PY) -m socialaid.server.bundle build

demo: bundle
	.venv/bin/socialaid decide $(EXAMPLE)

schemas: venv
	.venv/bin/socialaid schema --write

check-rego: stage
	$(OPA) fmt --list --fail policies
	$(OPA) check --strict --schema schemas build/stage
	$(OPA) test build/stage
	$(OPA) test build/stage --coverage --threshold $(REGO_COVERAGE_MIN) > build/coverage.json || \
	  { $(PY) scripts/coverage-summary.py build/coverage.json; exit 1; }
	@$(PY) scripts/coverage-summary.py build/coverage.json
	@scripts/regal-lint.sh

check-python: venv
	.venv/bin/ruff check python tests benchmarks scripts
	.venv/bin/ruff format --check python tests benchmarks scripts
	.venv/bin/mypy

pytest: bundle browser
	.venv/bin/pytest -q

test: check-rego check-python pytest

bench: bundle
	$(PY) benchmarks/decision_throughput.py

# Which decisions the working tree's policy changes against a commit (IMPACT_BASE, default the last one), over the
# golden households and a seeded synthetic population (docs/population.md). Informs; .ci/run never fails on it.
impact: bundle
	@mkdir -p build/impact
	@if git diff --quiet $(IMPACT_BASE) -- policies schemas && \
	    [ -z "$$(git ls-files --others --exclude-standard -- policies schemas)" ]; then \
	  echo "impact: policies/ and schemas/ are as at $(IMPACT_BASE): no decision changes"; \
	else \
	  $(PY) scripts/golden-requests.py > build/impact/population.jsonl && \
	  .venv/bin/socialaid synth -n $(IMPACT_N) --seed $(IMPACT_SEED) -o build/impact/synthetic.jsonl && \
	  cat build/impact/synthetic.jsonl >> build/impact/population.jsonl && \
	  .venv/bin/socialaid impact build/impact/population.jsonl --base-rev $(IMPACT_BASE) --top 10 \
	    --json build/impact/report.json; \
	fi

clean:
	rm -rf build bundles/*.tar.gz
