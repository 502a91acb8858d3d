# Two commands a newcomer needs: `make demo` and `make test`. Each sets up its own virtual environment.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test test-latest lock lint format bench docs clean serve

# Installs exactly the versions in requirements.lock, each checked against its hash: what CI passed is what
# a newcomer gets. The package itself goes in without its (ranged) dependencies and without build isolation,
# so even the build backend is the locked one.
$(BIN)/mandatekit: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Checks the bundled example draft and writes three files into OUT (default: this folder; `make demo
# OUT=/tmp/demo` for a shared or read-only checkout): the memo, the draft with review comments and the draft
# with each fix as a tracked change.
OUT ?= .
demo: $(BIN)/mandatekit
	mkdir -p "$(OUT)"
	$(BIN)/mandatekit check examples/minusca-zero-draft.docx
	$(BIN)/mandatekit memo examples/minusca-zero-draft.docx -o "$(OUT)/minusca-gap-analysis.docx"
	$(BIN)/mandatekit annotate examples/minusca-zero-draft.docx -o "$(OUT)/minusca-zero-draft-reviewed.docx"
	$(BIN)/mandatekit redline examples/minusca-zero-draft.docx -o "$(OUT)/minusca-zero-draft-redline.docx"
	@echo "Open, in $(OUT): minusca-gap-analysis.docx (the memo), minusca-zero-draft-reviewed.docx (the draft"
	@echo "with comments) and minusca-zero-draft-redline.docx (the draft with each fix as a tracked change)."

# The web page for drafters on http://127.0.0.1:8765/ (opens the browser; Ctrl-C stops it).
serve: $(BIN)/mandatekit
	$(BIN)/mandatekit serve

test: $(BIN)/mandatekit
	$(BIN)/ruff check mandatekit tests benchmarks examples templates
	$(BIN)/ruff format --check mandatekit tests benchmarks examples templates
	$(BIN)/mandatekit rules validate
	$(BIN)/python -m pytest

# The newest versions pyproject.toml allows, in a venv of their own: drift shows here before a user meets it.
test-latest:
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet --upgrade -e '.[dev]'
	.venv-latest/bin/pip freeze --exclude-editable | sed 's/^/  /'
	.venv-latest/bin/mandatekit rules validate
	.venv-latest/bin/python -m pytest

# Refresh requirements.lock from pyproject.toml and requirements/tools.in (newest versions allowed, with hashes,
# for every platform and Python 3.11+). Run `make test` afterwards: the lock is what CI tests.
lock: $(BIN)/mandatekit
	$(BIN)/uv pip compile pyproject.toml requirements/tools.in --extra dev --universal --python-version 3.11 \
		--generate-hashes --upgrade --quiet --custom-compile-command "make lock" -o requirements.lock

format: $(BIN)/mandatekit
	$(BIN)/ruff format mandatekit tests benchmarks examples templates
	$(BIN)/ruff check --fix mandatekit tests benchmarks examples templates

bench: $(BIN)/mandatekit
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/rejudge.py

# The bundled Word files are rebuilt to the same bytes every time, so that a rebuild shows no change in git:
# their zips are written the same way (mandatekit/render/reproducible.py), the example's comment and tracked
# changes carry the draft's own date, and the template is dated by SOURCE_DATE_EPOCH (reproducible-builds.org),
# pinned here to the day its design last changed (2026-12-06 00:00 UTC): move it on when restyling the template.
# A value already in the environment wins.
docs: export SOURCE_DATE_EPOCH ?= 1796515200
docs: $(BIN)/mandatekit
	$(BIN)/python templates/build_memo_template.py
	$(BIN)/python examples/build_examples.py
	$(BIN)/mandatekit rules docs > docs/rules.md
	$(BIN)/mandatekit rules schema > docs/rule.schema.json
	$(BIN)/mandatekit profiles schema > docs/profile.schema.json

clean:
	rm -rf $(VENV) .venv-latest .pytest_cache .ruff_cache build dist *.egg-info
