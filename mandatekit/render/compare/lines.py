"""What the comparison's renderings say alike: the counts, the lines of each section on the operative text,
a rule's loss told in a sentence, a diff cut to its changes, and the names of the two drafts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mandatekit.compare import Comparison
from mandatekit.round_text import where
from mandatekit.round_words import pending_change, spaced

HELD = ("evidence lost", "evidence weakened", "evidence bracketed")
CONTEXT_WORDS = 6  # unchanged words kept either side of a change in a diff; the rest is "…"


def rule_changed(change: Any) -> bool:
    """Whether a rule's change is told beyond its line in the table: its loss and its diffs."""
    return change.status != "unchanged"


def held_counts(c: Comparison) -> list[tuple[int, str]]:
    """How many rules held their verdict though the round lost, weakened or bracketed their evidence, by
    label ("evidence weakened"), the labels no rule had left out."""
    s = c.summary
    counts = (s.evidence_lost, s.evidence_weakened, s.evidence_bracketed)
    return [(n, label) for n, label in zip(counts, HELD, strict=True) if n]


def summary_counts(c: Comparison) -> list[tuple[str, str | None]]:
    """The comparison's counts in the order the table lists the rules, each with its colour: "2 regressed",
    "1 evidence weakened" ... (a kind of loss no rule had is left out), "19 unchanged"."""
    s = c.summary
    held = held_counts(c)
    return [
        (f"{s.regressed} regressed", "red"),
        (f"{s.improved} improved", "green"),
        *((f"{n} {k}", "yellow") for n, k in held),
        *([(f"{s.evidence_strengthened} evidence strengthened", "green")] if s.evidence_strengthened else []),
        (f"{s.unchanged - sum(n for n, _ in held) - s.evidence_strengthened} unchanged", None),
    ]


def verb_lines(c: Comparison) -> tuple[str, list[str]]:
    """The operative verbs the round weakened, each in a line, under a head that says what they cover:
    every operative paragraph, whether a recommendation rests on it or not."""
    head = "Operative verbs weakened (every operative paragraph, cited by a recommendation or not)"
    lines = []
    for v in c.weakened_verbs:
        said = f": {v.diff}" if v.diff else ""
        lines.append(
            f"{where(v.old_ref, v.new_ref)}: “{v.before}” became “{v.after}” ({rests_on(v.rules)}){said}"
        )
    return head, lines or ["none"]


def deleted_lines(c: Comparison) -> tuple[str, list[str]]:
    """The operative paragraphs the round deleted, each in a line: cited by a recommendation or not."""
    head = "Operative paragraphs deleted (every operative paragraph, cited by a recommendation or not)"
    lines = []
    for d in c.deleted_paragraphs:
        how = f" (by {pending_change(d.pending_by)})" if d.pending else ""
        lines.append(f"the old {d.old_ref}{how}: “{d.text}” ({rests_on(d.rules)})")
    return head, lines or ["none"]


def added_lines(c: Comparison) -> tuple[str, list[str]]:
    """The operative paragraphs the round added, each in a line: cited by a recommendation or not."""
    head = "Operative paragraphs added (every operative paragraph, cited by a recommendation or not)"
    lines = [
        f"{a.new_ref} (new): “{a.text}” ({rests_on(a.rules, a.unconditioned)})" for a in c.added_paragraphs
    ]
    return head, lines or ["none"]


def bracket_lines(c: Comparison) -> tuple[str, list[str]]:
    """The operative paragraphs in which the round put words in square brackets, each in a line."""
    head = "Newly in square brackets (every operative paragraph, cited by a recommendation or not)"
    lines = []
    for b in c.newly_bracketed:
        words = ", ".join(f"“{w}”" for w in b.words)
        lines.append(f"{where(b.old_ref, b.new_ref)}: {words} ({rests_on(b.rules)})")
    return head, lines or ["none"]


def text_sections(c: Comparison) -> list[tuple[str, list[str]]]:
    """What the round did to the operative text whatever rests on it, the heaviest first: paragraphs
    deleted, words put in brackets, verbs weakened, then the paragraphs added (the table and Markdown list
    them alike)."""
    return [deleted_lines(c), bracket_lines(c), verb_lines(c), added_lines(c)]


def text_counts(c: Comparison) -> str:
    """'Text: 1 operative paragraph deleted · 1 newly bracketed · 2 verbs weakened' (none: '')."""
    s = c.summary
    counts = [(s.deleted_paragraphs, "operative paragraph{} deleted"), (s.newly_bracketed,
              "paragraph{} newly bracketed"), (s.weakened_verbs, "verb{} weakened"),
              (s.added_paragraphs, "operative paragraph{} added")]  # fmt: skip
    told = [f"{n} {what.format('s' * (n != 1))}" for n, what in counts if n]
    return "Text: " + " · ".join(told) if told else ""


def rests_on(rules: list[str], unconditioned: list[str] | None = None) -> str:
    """What rests on a paragraph; for one the round added, the conditions it lacks first (trial 13: new support
    to a force's operations without the HRDDP condition)."""
    told = [f"new support without {label}" for label in unconditioned or []]
    told.append(f"evidence for {', '.join(rules)}" if rules else "no recommendation rests on it")
    return "; ".join(told)


def loss_sentence(change: Any) -> str:
    """What the round took from a rule, and where its verdict stands: "Still met by OP 34(c); the old OP 35
    was deleted, and with it “failing which that support should be suspended”." """
    parts = [change.held] if change.held else []
    parts += [loss.sentence for loss in change.losses if loss.kind != "changed" or not change.lost]
    text = "; ".join(p for p in parts if p)
    return text[:1].upper() + text[1:] + "." if text else ""


def compact_pieces(d: Any, context: int = CONTEXT_WORDS) -> list[dict[str, str]]:
    """A diff's pieces with long unchanged stretches cut to a few words either side of each change, and
    long changed stretches to their first and last words: the change, not the whole paragraph."""
    out = []
    pieces = d.pieces
    for n, piece in enumerate(pieces):
        text = piece.text
        if piece.op == "equal" and len(pieces) > 1:
            words = text.split()
            first, last = n == 0, n == len(pieces) - 1
            if first and len(words) > context:
                text = "… " + " ".join(words[-context:])
            elif last and len(words) > context:
                text = " ".join(words[:context]) + " …"
            elif not first and not last and len(words) > 2 * context:
                text = " ".join(words[:context]) + " … " + " ".join(words[-context:])
        elif piece.op != "equal":
            text = _cut_middle(text, 3 * context)
        out.append({"op": piece.op, "text": text})
    for piece, sep in zip(out, spaced(out), strict=True):  # no space before the punctuation after a word
        piece["sep"] = sep
    return out


def compact(d: Any, context: int = CONTEXT_WORDS) -> str:
    """`compact_pieces` in plain text: [-removed-] {+added+}."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    pieces = compact_pieces(d, context)
    return "".join(p["sep"] + marks[p["op"]].format(p["text"]) for p in pieces)


def _cut_middle(text: str, limit: int) -> str:
    words = text.split()
    if len(words) <= limit:
        return text
    return " ".join(words[: limit - 4]) + " … " + " ".join(words[-4:])


def _name(info: Any) -> str:
    return info.symbol or (Path(info.path).name if info.path else "draft")


def names(c: Comparison) -> tuple[str, str]:
    """How to call the two drafts: by symbol, or by file name when both rounds share one symbol."""
    from mandatekit.errors import shown  # a file name may hold what a terminal would act on

    old, new = _name(c.old), _name(c.new)
    if old == new and c.old.path and c.new.path:
        old, new = Path(c.old.path).name, Path(c.new.path).name
    return shown(old), shown(new)


def labelled_loss(change: Any) -> str:
    """`loss_sentence`, and where the verdict held, the rule's label first: "Evidence weakened: still met by
    OP 28; in OP 28, “Calls upon” became “Invites”." (the table, Markdown and the memo say it alike)."""
    if change.status == "evidence strengthened":
        return f"Evidence strengthened: {change.strengthened}."
    sentence = loss_sentence(change)
    if change.status in HELD and sentence:
        return f"{change.status.capitalize()}: {sentence[:1].lower()}{sentence[1:]}"
    return sentence


def where_diff(d: Any) -> str:
    # A paragraph paired with its earlier self by its place says so: most of its words are new.
    rewritten = " (rewritten)" if getattr(d, "rewritten", False) else ""
    by = pending_change(getattr(d, "pending_by", ""))
    gone = f"(deleted by {by})" if getattr(d, "pending_deletion", False) else "(gone)"
    return f"{d.old_ref or '(new)'} → {d.new_ref or gone}{rewritten}"
