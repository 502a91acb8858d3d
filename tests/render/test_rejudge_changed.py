"""Placing fixes re-judges only the rules a fix can change (judge/changed.py, render/verifier.py): the others keep
their verdicts. Every verdict map must equal judging every rule again, and so every placement, on the bundled
example, resolutions with annexes and references (tests/render/drafts) and the real drafts of tests/rounds; and
the rules left out must be left out for the reason the module gives, not by chance."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit.api import setup
from mandatekit.judge.changed import Reach, changed, reaches_join
from mandatekit.judge.search import TextSearch
from mandatekit.read import read, read_string
from mandatekit.read.model import Document
from mandatekit.render import placement
from mandatekit.render.fixes import with_fixes
from mandatekit.render.placement import pending_secures, place
from mandatekit.render.verifier import Verifier, _ranks
from mandatekit.rulebook.patterns import expand_regex_placeholders, pattern_set
from mandatekit.rulebook.profiles import profile_terms
from tests.rounds.test_trial15_fixes import R2, R3, SUB_PARAGRAPH

SETUP = setup()
ROOT = Path(__file__).resolve().parents[2]
DRAFTS = [
    ROOT / "examples" / "minusca-zero-draft.docx",
    *sorted((ROOT / "tests" / "render" / "drafts").glob("S_RES_*.txt")),
    *sorted((ROOT / "tests" / "rounds" / "drafts").glob("S_RES_*.txt")),
]
RULES = {r.id: r for r in SETUP.rulebook.rules}


@pytest.mark.parametrize("path", DRAFTS, ids=[p.name for p in DRAFTS])
def test_placements_equal_judging_every_rule_again(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = read(path)
    left_out = _compared(document, monkeypatch)
    if path.suffix == ".docx":  # the bundled example refers to no paragraph: most rules are left out
        assert left_out > 0


@pytest.mark.parametrize("text", [R2, R3, SUB_PARAGRAPH], ids=["met", "hedged", "sub-paragraph"])
def test_the_condition_added_to_support_is_judged_as_every_fix_is(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review 12: `keeps_condition` judged the whole draft beside the fast path and never moved `now` on; it
    goes through `_ranks`, so the comparison covers it, and the fixes after it are judged against the draft
    with it."""
    kept = [0]
    keeps = Verifier.keeps_condition

    def counted(self: Verifier, fix: placement.Placement, ref: str) -> bool:
        done = keeps(self, fix, ref)
        kept[0] += done
        # kept, the amended paragraph is in the draft the next fix is compared with
        assert not done or fix.text in [p.text for p in self.now.paragraphs]
        return done

    monkeypatch.setattr(Verifier, "keeps_condition", counted)
    _compared(read_string(text), monkeypatch)
    assert kept[0] > 0


def _compared(document: Document, monkeypatch: pytest.MonkeyPatch) -> int:
    """Places `document`'s fixes judging every rule again and judging only those a fix can change, asserts
    the two agree at every step and in the end; the number of rules left out."""
    report = SETUP.judge(document)
    left_out = [0]
    fast_ranks, to_rejudge = Verifier._ranks, Reach.rules_to_rejudge

    def compared(self: Verifier, placements: list[placement.Placement]) -> dict[str, int]:
        fast = fast_ranks(self, placements)
        assert fast == _ranks(self.judge(self.last))
        return fast

    def counted(self: Reach, *args: object) -> list[str] | None:
        ids = to_rejudge(self, *args)  # type: ignore[arg-type]
        left_out[0] += len(self.rules) - len(self.rules if ids is None else ids)
        return ids

    with monkeypatch.context() as m:
        m.setattr(Verifier, "rejudge_all", True)
        full = place(report, document, SETUP.judge)
        full_pending = pending_secures(report, document, SETUP.judge)
        full_check = with_fixes(report, document, SETUP.judge).model_dump_json()
    with monkeypatch.context() as m:
        m.setattr(Verifier, "_ranks", compared)
        m.setattr(Reach, "rules_to_rejudge", counted)
        fast = place(report, document, SETUP.judge)
        fast_pending = pending_secures(report, document, SETUP.judge)
    assert fast == full
    assert fast_pending == full_pending
    assert with_fixes(report, document, SETUP.judge).model_dump_json() == full_check
    return left_out[0]


DRAFT = """The Security Council,

Recalling its previous resolutions,

1. Decides to extend the mandate of the Mission until 15 November 2026;

2. Decides that the mandate of the Mission shall include the following tasks:

(a) To support the extension of State authority;

(b) To support the peace process;

3. Decides to remain seized of the matter.
"""


def _with(text: str, after: str, new: str) -> str:
    return text.replace(after, after + new, 1)


def _rejudged(before: str, after: str, met: tuple[str, ...] = ()) -> list[str] | None:
    reach = Reach(SETUP.rulebook.rules, profile_terms(SETUP.profile))
    return reach.rules_to_rejudge(read_string(before), read_string(after), met)


def test_a_new_task_re_judges_the_rules_whose_words_it_holds() -> None:
    new = _with(
        DRAFT,
        "peace process;\n",
        "\n(c) To support the disarmament, demobilization and reintegration of ex-combatants;\n",
    )
    gone, made, _ = changed(read_string(DRAFT), read_string(new))
    assert (gone, len(made)) == (set(), 1)
    ids = _rejudged(DRAFT, new)
    assert ids is not None and "ddrr" in ids
    assert "sofa-compliance" not in ids  # no word of it in the task or its lead-in
    assert "bilateral-forces" in ids  # it reads the forces from the whole text: always judged again


def test_a_rule_met_stays_met_when_a_task_is_only_added_but_not_when_its_lead_in_holds_its_words() -> None:
    new = _with(
        DRAFT,
        "peace process;\n",
        "\n(c) To support the disarmament, demobilization and reintegration of ex-combatants;\n",
    )
    assert "ddrr" not in (_rejudged(DRAFT, new, met=("ddrr",)) or [])
    # Near miss: the lead-in the task goes under names disarmament: its units change, so the rule is judged.
    lead = DRAFT.replace(
        "include the following tasks:",
        "include the following tasks, including disarmament, demobilization and reintegration:",
    )
    new_lead = _with(
        lead,
        "peace process;\n",
        "\n(c) To support the disarmament, demobilization and reintegration of ex-combatants;\n",
    )
    assert "ddrr" in (_rejudged(lead, new_lead, met=("ddrr",)) or [])
    # Near miss: a paragraph replaced takes words away: a rule met is judged again.
    replaced = DRAFT.replace(
        "(b) To support the peace process;", "(b) To support the disarmament of ex-combatants;"
    )
    assert "ddrr" in (_rejudged(replaced, DRAFT, met=("ddrr",)) or [])


def test_a_draft_that_refers_to_its_own_paragraphs_is_judged_whole() -> None:
    refers = DRAFT.replace("remain seized of the matter", "review the implementation of paragraph 2")
    new = _with(refers, "peace process;\n", "\n(c) To monitor human rights;\n")
    assert _rejudged(refers, new) is None


def test_an_acronym_spelt_out_in_a_new_paragraph_re_judges_the_rule_that_means_it() -> None:
    with_icc = [r for r in RULES.values() if "ICC" in r.acronyms]
    assert with_icc
    new = _with(DRAFT, "peace process;\n", "\n(c) To support the Interregional Coordination Centre (ICC);\n")
    ids = _rejudged(DRAFT, new, met=tuple(RULES))
    assert ids is not None and all(r.id in ids for r in with_icc)


def test_a_regex_that_runs_into_the_paragraph_separator_re_judges_its_rule() -> None:
    """A raw regex that can run across the separator between paragraphs ('\\W+') finds a match that is dropped
    but hides a match in the unchanged paragraph after: changing the paragraph before changes the hits of an
    unchanged one, so its rule must be judged again (`changed.reaches_join`)."""
    flat = DRAFT.replace(
        "3. Decides to remain seized of the matter.",
        "3. Condemns all attempts to undermine;\n\n4. Stresses that attacks undermine the Mission's operations;\n\n"
        "5. Decides to remain seized of the matter.",
    )
    new = flat.replace("3. Condemns all attempts to undermine;", "3. Condemns all attacks;")
    before, after = read_string(flat), read_string(new)
    gone, made, where = changed(before, after)
    assert len(gone) == len(made) == 1
    reach = Reach(SETUP.rulebook.rules, profile_terms(SETUP.profile))
    ids = reach.rules_to_rejudge(before, after) or list(RULES)
    differ = []
    for rule in SETUP.rulebook.rules:
        for patterns in [*rule.searched.values(), *rule.exclude, *rule.narrowed]:
            regexes = expand_regex_placeholders(patterns.regex, profile_terms(SETUP.profile))
            if not regexes:
                continue
            program = pattern_set((), regexes).program()
            old = {(where[i], s, e) for i, s, e in TextSearch(before).find(program) if i in where}
            kept = set(where.values())
            if old != {hit for hit in TextSearch(after).find(program) if hit[0] in kept}:
                differ.append(rule.id)
    assert (
        "sofa-reporting" in differ
    )  # the case this test is about: it hides "undermine the Mission's operations"
    assert all(rule_id in ids for rule_id in differ)


def test_reaches_join_sees_a_regex_that_can_take_in_the_separator() -> None:
    for regex in (r"\bfoo\W+bar", r"\s+foo", r"foo[^;]*", r"(?s)foo.bar", r"foo\pL"):
        assert reaches_join(regex), regex
    # Near misses: words and spaces between words, or anything but a semicolon between two words.
    for regex in (r"\bfoo\s+bar\b", r"\bfoo\b[^;]{0,80}?\bbar\b", r"foo.bar", r"foo[^\w;]+bar"):
        assert not reaches_join(regex), regex
