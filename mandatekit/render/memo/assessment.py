"""The memo's judgement in prose: the assessment paragraph (counts, critical gaps, what amending can close,
what the drafting team settled, what rests on pending changes) and the three to five priority asks."""

from __future__ import annotations

from typing import Any

from mandatekit.judge import Report
from mandatekit.judge.messages import hedged, unconditioned
from mandatekit.read.model import Document
from mandatekit.render.accepted import Judge
from mandatekit.render.memo.words import in_words, number

SEVERITIES = ["critical", "high", "medium", "low"]
MAX_ASKS = 5


def _asks(gaps: list[dict[str, Any]], findings: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Three to five priority asks: the critical gaps, then the high ones, partial before missing (a partial
    gap is the cheaper win: the draft already has the words). Listed in the order of the gaps they point to,
    so that ask 1 is the first of them below, and no ask points back above another. Before them, a critical
    recommendation still met elsewhere whose condition a paragraph hedges ("and, as appropriate, in strict
    compliance with the HRDDP"): deleting the hedge is the ask (trial 13: the round's biggest loss); or one
    with a paragraph giving support without that condition: adding it is the ask (trial 15)."""
    return (_hedge_asks(findings or []) + _gap_asks(gaps))[:MAX_ASKS]


def _hedge_asks(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for f in findings:
        if f["verdict"] != "met" or f["severity"] != "critical":
            continue
        for h in f.get("hedged_conditions", []):
            told = str(hedged(h["ref"], h["words"]))
            out.append(
                {**f, "summary": told, "placement": f"Delete '{h['words']}' in {h['ref']}", "number": ""}
            )
        # Support a paragraph gives without the condition, another meeting the rule (trial 15 F2): the ask is
        # the condition added to it, in the draft's own words.
        if f.get("unconditioned") and f.get("condition_words"):
            given = [(u["ref"], u["words"]) for u in f["unconditioned"]]
            refs = [ref for ref, _ in given]
            where = refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + f" and {refs[-1]}"
            told = unconditioned(given, f["condition_label"])  # the fix is the placement: not said twice
            out.append(
                {
                    **f,
                    "summary": told,
                    "placement": f"Add ', {f['condition_words']}' to {where}",
                    "number": "",
                }
            )
    return out


def _gap_asks(gaps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ranked = sorted(gaps, key=lambda g: (SEVERITIES.index(g["severity"]), g["verdict"] != "partial"))
    chosen = [g for g in ranked if g["severity"] == "critical"][:MAX_ASKS]
    for g in ranked:
        if len(chosen) >= 3 or g in chosen:
            continue
        chosen.append(g)
    order = {id(g): n for n, g in enumerate(gaps)}
    return sorted(chosen[:MAX_ASKS], key=lambda g: order[id(g)])


def _assessment(s: Any, total: int, gaps: list[dict[str, Any]], findings: list[dict[str, Any]]) -> str:
    parts = [f"The draft meets {number(s.met)} of the {total} recommendations checked"]
    if s.partial and s.missing:
        parts[0] += f", meets {number(s.partial)} in part and misses {number(s.missing)}."
    elif s.partial:
        parts[0] += f" and meets {number(s.partial)} in part."
    elif s.missing:
        parts[0] += f" and misses {number(s.missing)}."
    else:
        parts[0] += ": all of them."
    critical = [f for f in findings if f["severity"] == "critical"]
    open_critical = [f for f in critical if f["verdict"] != "met"]
    if open_critical:
        n, of = len(open_critical), len(critical)
        if of == 1:
            parts.append("The critical recommendation is not met; the first priority ask below addresses it.")
        elif n == of:
            parts.append(f"None of the {number(of)} critical recommendations is met; the priority asks below "
                         "address them first.")  # fmt: skip
        else:
            verb = "is" if n == 1 else "are"
            parts.append(f"{in_words(n).capitalize()} of the {number(of)} critical recommendations {verb} not met; "
                         "the priority asks below address them first.")  # fmt: skip
    elif gaps:
        parts.append("Every critical recommendation is met; what remains would strengthen the text.")
    partial_fixable = [g for g in gaps if g["action"] == "replace"]
    if partial_fixable:
        n = len(partial_fixable)
        if n == len(gaps):
            parts.append("Each gap can be closed by amending a paragraph the draft already has.")
        else:
            parts.append(f"{in_words(n).capitalize()} of the {number(len(gaps))} gaps can be closed by amending a "
                         "paragraph the draft already has; the others need new language, proposed below.")  # fmt: skip
    return " ".join(parts)


def _pending_sentence(report: Report, document: Document, judge: Judge) -> str:
    """The pending changes the draft's verdicts rest on: accepting them is an ask of its own."""
    if not document.pending_changes:
        return ""
    from mandatekit.render.verifier import pending_effects

    secured, held = pending_effects(report, document, judge)
    asks = [f"{where} (it secures {', '.join(f'“{t}”' for t in titles)})"
            for where, titles in secured.items()]  # fmt: skip
    asks += [f"{where} (it would improve {', '.join(f'“{t}”' for t in titles)})"
             for where, titles in held.items()]  # fmt: skip
    return f" Verdicts here rest on pending changes: {'; '.join(asks)}." if asks else ""


def _settled_sentence(settled: dict[str, str], findings: list[dict[str, Any]]) -> str:
    if not settled:
        return ""
    titles = [f"“{f['title']}”" for f in findings if f["rule"] in settled]
    n = len(titles)
    return (
        f" {in_words(n).capitalize()} recommendation{'s' if n != 1 else ''} the tool finds short "
        f"({', '.join(titles)}) {'are' if n != 1 else 'is'} settled by the drafting team's recorded decisions "
        "(listed under “Drafter decisions”) and left out of these counts and of the asks."
    )
