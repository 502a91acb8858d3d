# Two commands a newcomer needs: `make demo` and `make test`. Each sets up its own virtual environment.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint format bench docs clean

$(BIN)/mandatekit: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/mandatekit
	$(BIN)/mandatekit check examples/minusca-zero-draft.docx
	$(BIN)/mandatekit memo examples/minusca-zero-draft.docx -o minusca-gap-analysis.docx
	$(BIN)/mandatekit annotate examples/minusca-zero-draft.docx -o minusca-zero-draft-reviewed.docx
	$(BIN)/mandatekit redline examples/minusca-zero-draft.docx -o minusca-zero-draft-redline.docx
	@echo "Open minusca-gap-analysis.docx (the memo), minusca-zero-draft-reviewed.docx (the draft with comments)"
	@echo "and minusca-zero-draft-redline.docx (the draft with each fix as a tracked change)."

test: $(BIN)/mandatekit
	$(BIN)/ruff check mandatekit tests benchmarks examples templates
	$(BIN)/ruff format --check mandatekit tests benchmarks examples templates
	$(BIN)/mandatekit rules validate
	$(BIN)/python -m pytest

format: $(BIN)/mandatekit
	$(BIN)/ruff format mandatekit tests benchmarks examples templates
	$(BIN)/ruff check --fix mandatekit tests benchmarks examples templates

bench: $(BIN)/mandatekit
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/speed.py

docs: $(BIN)/mandatekit
	$(BIN)/python templates/build_memo_template.py
	$(BIN)/python examples/build_examples.py
	$(BIN)/mandatekit rules docs > docs/rules.md
	$(BIN)/mandatekit rules schema > docs/rule.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist *.egg-info
