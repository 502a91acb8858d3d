"""The gold benchmark's 'cited' figure (benchmarks/gold_agreement.py): which of the tool's references count as
a paragraph the coder cites."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "gold_agreement.py"
_SPEC = importlib.util.spec_from_file_location("gold_agreement", _PATH)
assert _SPEC and _SPEC.loader
gold_agreement = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(gold_agreement)


def test_a_coder_s_shorthand_is_spelt_out() -> None:
    assert gold_agreement.coder_refs("OP 36(f)(iv), (vii)") == {"OP 36(f)(iv)", "OP 36(f)(vii)"}
    assert gold_agreement.coder_refs("OP 11(a)(i)-(iii)") == {"OP 11(a)(i)", "OP 11(a)(ii)", "OP 11(a)(iii)"}
    assert gold_agreement.coder_refs("OP 29(ii)(c), 29(ii)(d); PP 4") == {
        "OP 29(ii)(c)",
        "OP 29(ii)(d)",
        "PP 4",
    }


def test_a_sub_paragraph_of_the_coder_s_paragraph_counts_and_its_lead_in_does_not() -> None:
    cites = gold_agreement.cites_coders
    assert cites({"OP 8"}, ["OP 8(i)"])
    assert cites({"OP 8"}, ["OP 8"])
    assert not cites({"OP 8(i)"}, ["OP 8"])  # the lead-in is not the task the coder cites
    assert not cites({"OP 8"}, ["OP 18"])
    assert not cites({"OP 3(c)"}, ["OP 3(c)x"])


def test_a_reference_the_reader_counted_is_the_label_the_text_gives_it() -> None:
    assert gold_agreement.cites_coders({"OP 3(c)(vii)"}, ["OP 3(c)(vii) (2)"])
    assert not gold_agreement.cites_coders({"OP 3(c)(vi)"}, ["OP 3(c)(vii) (2)"])
