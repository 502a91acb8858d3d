"""The memo's "Since the previous text" section: the gains and losses of a round, each told in a sentence,
and what the round did to the operative text whatever rests on it."""

from __future__ import annotations

from typing import Any

from mandatekit.compare import Comparison
from mandatekit.render.compare.lines import (
    HELD,
    compact,
    compact_pieces,
    held_counts,
    labelled_loss,
    loss_sentence,
    names,
    rests_on,
    rule_changed,
    where_diff,
)
from mandatekit.render.compare.story import story
from mandatekit.round_text import where
from mandatekit.round_words import pending_change


def previous_context(c: Comparison) -> dict[str, Any]:
    """The memo's 'Since the previous text' section: gains and losses, each told in a sentence."""
    s = c.summary
    from mandatekit.render.memo import in_words, number

    held = held_counts(c)
    n_held = sum(count for count, _ in held)
    same = s.unchanged - n_held - s.evidence_strengthened  # a rule whose evidence moved is told apart too
    gained = s.evidence_strengthened
    stronger = (f", {number(gained)} held {'its' if gained == 1 else 'their'} verdict on stronger words (evidence "
                f"strengthened)" if gained else "")  # fmt: skip
    summary = (
        f"{number(s.regressed) if s.regressed else 'no'} recommendation{'s' if s.regressed != 1 else ''} regressed, "
        f"{number(s.improved) if s.improved else 'none'} improved"
        + (f", {number(n_held)} held {'its' if n_held == 1 else 'their'} verdict though the round changed the words "
           f"that carried {'it' if n_held == 1 else 'them'} (" + ", ".join(f"{kind}: {in_words(count)}"
           for count, kind in held) + ")" if held else "")
        + stronger
        + f" and {number(same)} {'is' if same == 1 else 'are'} unchanged."
    )  # fmt: skip
    told = _text_sentence(c)
    if told:  # the paragraphs deleted or bracketed first: a round that lost them is no quiet round
        summary = f"{told} Of the recommendations checked, {summary}"
    summary += " " + _verbs_sentence(c)
    changes = []
    for ch in c.changes:
        if not rule_changed(ch):
            continue
        diffs = [d for d in ch.diffs if d.changed]
        lost = ch.status in HELD
        changes.append(
            {
                "rule": ch.rule,
                "title": ch.title,
                "old": ch.old.value,
                "new": ch.new.value,
                "change": ch.change,
                "status": ch.status,
                "arrow": "▽"
                if lost
                else "▼"
                if ch.change == "regressed"
                else "▲"
                if ch.change == "improved"
                else "△",
                "severity": ch.severity.value,
                "story": _memo_story(ch, lost),
                "losses": [loss.model_dump() for loss in ch.losses],
                "diff": "; ".join(f"{where_diff(d)}: {compact(d)}" for d in diffs),
                "diffs": [{"where": where_diff(d), "pieces": compact_pieces(d)} for d in diffs],
                "refs": list(dict.fromkeys([*ch.old_refs, *ch.new_refs])),
            }
        )
    verbs = [v.model_dump() for v in c.weakened_verbs]
    return {"name": names(c)[0], "summary": summary, "changes": changes, "weakened_verbs": verbs,
            "deleted_paragraphs": [d.model_dump() for d in c.deleted_paragraphs],
            "newly_bracketed": [b.model_dump() for b in c.newly_bracketed],
            "added_paragraphs": [a.model_dump() for a in c.added_paragraphs]}  # fmt: skip


def _text_sentence(c: Comparison) -> str:
    """The memo's word on the operative paragraphs the round deleted and the words it put in brackets, cited
    by a rule or not: 'the round deleted one operative paragraph, the old OP 5 (“…”), on which no
    recommendation rests, and put words in square brackets in OP 5 (the old OP 4): “[A][B]”.'"""
    from mandatekit.render.memo import in_words

    parts = []
    deleted = c.deleted_paragraphs
    if deleted:
        told = "; ".join(f"the old {d.old_ref} (“{d.text}”{', by ' + pending_change(d.pending_by) if d.pending else ''}; "
                         f"{rests_on(d.rules)})" for d in deleted)  # fmt: skip
        n = len(deleted)
        parts.append(
            f"deleted {in_words(n)} operative paragraph{'s' * (n != 1)}{': ' if n > 1 else ', '}{told}"
        )
    if c.newly_bracketed:
        told = "; ".join(f"{where(b.old_ref, b.new_ref)}, " + ", ".join(f"“{w}”" for w in b.words)
                         + f" ({rests_on(b.rules)})" for b in c.newly_bracketed)  # fmt: skip
        parts.append(f"put words in square brackets in {told}")
    if c.added_paragraphs:
        told = "; ".join(
            f"{a.new_ref} (“{a.text}”; {rests_on(a.rules, a.unconditioned)})" for a in c.added_paragraphs
        )
        n = len(c.added_paragraphs)
        parts.append(
            f"added {in_words(n)} operative paragraph{'s' * (n != 1)}{': ' if n > 1 else ', '}{told}"
        )
    said = (
        "; ".join(parts[:-1]) + ("; and " if len(parts) > 2 else " and ") + parts[-1]
        if len(parts) > 1
        else "".join(parts)
    )
    return f"the round {said}." if parts else ""


def _memo_story(ch: Any, lost: bool) -> str:
    """A rule's line in the memo: where its verdict held, its label first ("Evidence weakened: still met by
    OP 28; ..."); a loss a pending tracked change makes is told as such, whatever the verdict did."""
    if lost or ch.status == "evidence strengthened":
        return labelled_loss(ch)
    if any("pending tracked change" in loss.sentence for loss in ch.losses):
        return loss_sentence(ch)
    return story(ch)


def _verbs_sentence(c: Comparison) -> str:
    """The memo's word on the operative verbs the round weakened: all of them, cited by a rule or not."""
    from mandatekit.render.memo import in_words

    if not c.weakened_verbs:
        return "No operative paragraph's verb was weakened."
    told = []
    for v in c.weakened_verbs:
        now = f"now “{v.after} {v.diff.split('+} ', 1)[1]}”; " if "+} " in v.diff else ""
        told.append(f"{where(v.old_ref, v.new_ref)}, “{v.before}” to “{v.after}” ({now}{rests_on(v.rules)})")
    n = len(told)
    return f"The round weakened the verb of {in_words(n)} operative paragraph{'s' * (n != 1)}: {'; '.join(told)}."
