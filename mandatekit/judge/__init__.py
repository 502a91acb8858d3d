"""Judge a `Document` against rules: met, partial or missing, with the evidence and the reasons.

Pure functions of (Document, Rule, Profile) → Finding: no I/O. The stages, each in its module:
- search: find a rule's words in the judged paragraphs, searched as one text;
- clauses: where a paragraph's clauses, brackets and verbs are, and the units elements must share;
- borrowed: a clause that names its subject by paragraph number, read with those paragraphs' words;
- cues: negations, conditions and hedges around the words;
- forces: the forces outside UN command a draft names, read by what they are (a rule `reads` them);
- prepared: a document made ready for many rules, with those answers kept;
- hits: where each element is found, less what the exclusions rule out;
- narrowed: the words that meet a rule only for a narrower subject than the recommendation's;
- un_bodies: the UN's own bodies, whom the Council tasks (the renderer asks here too);
- candidates: the elements found together in a unit, ranked as a coder would cite them; best_words: the best
  words of each; one_clause: which stand in one clause; partial_sets: what a partial finding cites;
  quoted: the words and the clause quoted, with their hedges;
- verdict: met, partial or missing, and why; messages: what a finding says;
- report: the findings and report the renderers read; examples: a rule file's examples run as tests.

The rulebook knows nothing of the judge: it is imported from here, never the other way.
"""

from mandatekit.judge.cues import HEDGES, NOT_A_GAP, STANDARD_POC_HEDGE
from mandatekit.judge.messages import fill
from mandatekit.judge.prepared import Prepared
from mandatekit.judge.quoted import MAX_CONTEXT
from mandatekit.judge.report import (
    AppliedDecision,
    DocumentInfo,
    Evidence,
    Finding,
    Report,
    SourceRef,
    Summary,
)
from mandatekit.judge.verdict import compile_programs, judge_document, judge_rule

__all__ = [
    "HEDGES",
    "MAX_CONTEXT",
    "NOT_A_GAP",
    "STANDARD_POC_HEDGE",
    "AppliedDecision",
    "DocumentInfo",
    "Evidence",
    "Finding",
    "Prepared",
    "Report",
    "SourceRef",
    "Summary",
    "compile_programs",
    "fill",
    "judge_document",
    "judge_rule",
]
