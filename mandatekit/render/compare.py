"""Renderings of a comparison between two drafts: terminal table, Markdown, and the memo's
"Since the previous text" section."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path
from typing import Any

import click

from mandatekit.compare import Comparison
from mandatekit.round_text import where
from mandatekit.textnorm import joined

# Each rule's mark in the table, by its label (RuleChange.status). Where the verdict held but the round took
# evidence from it, the mark says "held" and the line under it opens with the label: "Evidence weakened: ...".
_MARK = {
    "regressed": ("▼ regressed", "red"),
    "improved": ("▲ improved", "green"),
    "evidence lost": ("▽ held", "yellow"),
    "evidence weakened": ("▽ held", "yellow"),
    "evidence bracketed": ("▽ held", "yellow"),
    "evidence strengthened": ("△ held", "green"),
    "unchanged": ("= same", None),
}
HELD = ("evidence lost", "evidence weakened", "evidence bracketed")
_LABEL_WIDTH = 12
CONTEXT_WORDS = 6  # unchanged words kept either side of a change in a diff; the rest is "…"


def _mark(change: Any) -> str:
    return str(change.status)


def _shown(change: Any) -> bool:
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
        where = v.old_ref if v.new_ref == v.old_ref else f"{v.new_ref} (the old {v.old_ref})"
        rests = f"evidence for {', '.join(v.rules)}" if v.rules else "no recommendation rests on it"
        said = f": {v.diff}" if v.diff else ""
        lines.append(f"{where}: “{v.before}” became “{v.after}” ({rests}){said}")
    return head, lines or ["none"]


def deleted_lines(c: Comparison) -> tuple[str, list[str]]:
    """The operative paragraphs the round deleted, each in a line: cited by a recommendation or not."""
    head = "Operative paragraphs deleted (every operative paragraph, cited by a recommendation or not)"
    lines = []
    for d in c.deleted_paragraphs:
        how = " (by a pending tracked change)" if d.pending else ""
        lines.append(f"the old {d.old_ref}{how}: “{d.text}” ({_rests(d.rules)})")
    return head, lines or ["none"]


def added_lines(c: Comparison) -> tuple[str, list[str]]:
    """The operative paragraphs the round added, each in a line: cited by a recommendation or not."""
    head = "Operative paragraphs added (every operative paragraph, cited by a recommendation or not)"
    lines = [f"{a.new_ref} (new): “{a.text}” ({_rests(a.rules)})" for a in c.added_paragraphs]
    return head, lines or ["none"]


def bracket_lines(c: Comparison) -> tuple[str, list[str]]:
    """The operative paragraphs in which the round put words in square brackets, each in a line."""
    head = "Newly in square brackets (every operative paragraph, cited by a recommendation or not)"
    lines = []
    for b in c.newly_bracketed:
        words = ", ".join(f"“{w}”" for w in b.words)
        lines.append(f"{where(b.old_ref, b.new_ref)}: {words} ({_rests(b.rules)})")
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


def _rests(rules: list[str]) -> str:
    return f"evidence for {', '.join(rules)}" if rules else "no recommendation rests on it"


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
    return out


def compact(d: Any, context: int = CONTEXT_WORDS) -> str:
    """`compact_pieces` in plain text: [-removed-] {+added+}."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return " ".join(marks[p["op"]].format(p["text"]) for p in compact_pieces(d, context))


def _cut_middle(text: str, limit: int) -> str:
    words = text.split()
    if len(words) <= limit:
        return text
    return " ".join(words[: limit - 4]) + " … " + " ".join(words[-4:])


def _name(info: Any) -> str:
    return info.symbol or (Path(info.path).name if info.path else "draft")


def _names(c: Comparison) -> tuple[str, str]:
    """How to call the two drafts: by symbol, or by file name when both rounds share one symbol."""
    from mandatekit.errors import shown  # a file name may hold what a terminal would act on

    old, new = _name(c.old), _name(c.new)
    if old == new and c.old.path and c.new.path:
        old, new = Path(c.old.path).name, Path(c.new.path).name
    return shown(old), shown(new)


_MARKERS = re.compile(r"(\[-|-\]|\{\+|\+\})")
_OPENS = {"[-": "red", "{+": "green"}
_CLOSES = {"-]", "+}"}


def _colour_changes(lines: list[str]) -> list[str]:
    """Colour the changed words themselves, not only the markers: deleted words red, inserted green. A change
    may run over several wrapped lines, so the state carries from one line to the next."""
    out, colour = [], None
    for line in lines:
        pieces = []
        for token in _MARKERS.split(line):
            if token in _OPENS:
                colour = _OPENS[token]
                pieces.append(click.style(token, fg=colour, bold=True))
            elif token in _CLOSES:
                pieces.append(click.style(token, fg=colour, bold=True))
                colour = None
            elif token:
                pieces.append(click.style(token, fg=colour) if colour else token)
        out.append("".join(pieces))
    return out


def _diff_lines(change: Any, width: int = 100, color: bool = True) -> list[str]:
    lines = []
    sentence = labelled_loss(change)
    if sentence:
        lines += textwrap.wrap(sentence, width=max(width, 40), initial_indent="    ", subsequent_indent="    ",
                               break_on_hyphens=False, break_long_words=False)  # fmt: skip
    for d in change.diffs:
        if not d.changed:
            continue
        wrapped = textwrap.wrap(f"{_where(d)}: {compact(d)}", width=max(width, 40), initial_indent="    ",
                                subsequent_indent="      ", break_on_hyphens=False, break_long_words=False)  # fmt: skip
        lines += _colour_changes(wrapped) if color else wrapped
    return lines


def render_comparison_table(c: Comparison, width: int | None = None) -> str:
    width = width or min(shutil.get_terminal_size((100, 24)).columns, 120)
    lines = [
        click.style("{} → {}".format(*_names(c)), bold=True),
        " · ".join(click.style(text, fg=colour) if colour else text for text, colour in summary_counts(c)),
        *([click.style(text_counts(c), fg="yellow")] if text_counts(c) else []),
        "",
    ]
    lead = 2 + _LABEL_WIDTH + 10 + 8 + 3 + 8 + 1
    for ch in c.changes:
        label, colour = _MARK[_mark(ch)]
        title = textwrap.wrap(ch.title, width=max(width - lead, 12)) or [""]
        head = f"  {click.style(f'{label:<{_LABEL_WIDTH}}', fg=colour)}{ch.severity.value:<10}{ch.old.value:>8} → {ch.new.value:<8} "
        lines.append(head + title[0])
        lines += [" " * lead + more for more in title[1:]]
        if _shown(ch):
            lines += _diff_lines(ch, width)
    for head, told in text_sections(c):
        lines += [
            "",
            *(click.style(line, bold=True) for line in textwrap.wrap(head + ":", width=max(width, 40))),
        ]
        for line in told:
            lines += textwrap.wrap(line, width=max(width, 40), initial_indent="  ", subsequent_indent="    ",
                                   break_on_hyphens=False, break_long_words=False)  # fmt: skip
    return "\n".join(lines) + "\n"


def render_comparison_markdown(c: Comparison) -> str:
    from mandatekit.render.sandbox import escape_markdown_html  # draft text: no raw HTML into Markdown

    out = [
        "# Since the previous text: {} → {}".format(*(escape_markdown_html(n) for n in _names(c))),
        "",
        "**" + " · ".join(text for text, _ in summary_counts(c)) + "**",
        *(["", f"**{text_counts(c)}**"] if text_counts(c) else []),
        "",
        "| Change | Severity | Recommendation | Before | Now |",
        "| --- | --- | --- | --- | --- |",
    ]
    for ch in c.changes:
        out.append(f"| {ch.status} | {ch.severity.value} | {ch.title} | {ch.old.value} | {ch.new.value} |")
    for ch in c.changes:
        if not _shown(ch):
            continue
        out += ["", f"## {ch.title}: {ch.old.value} → {ch.new.value}", ""]
        sentence = labelled_loss(ch)
        if sentence:
            out += [escape_markdown_html(sentence), ""]
        for d in ch.diffs:
            if not d.changed:
                continue
            text = (
                escape_markdown_html(compact(d))
                .replace("[-", "~~")
                .replace("-]", "~~")
                .replace("{+", "**")
                .replace("+}", "**")
            )
            out.append(f"- {_where(d)}: {text}")
    for head, told in text_sections(c):
        out += ["", f"## {head}", "", *(f"- {escape_markdown_html(line)}" for line in told)]
    return "\n".join(out) + "\n"


def _story(change: Any) -> str:
    """What happened to the words, in sentences: "The old OP 9 met it and was deleted."; "In OP 7,
    'Encourages' became 'Requests'." """
    did = {"met": "met it", "partial": "partly met it", "missing": "did not meet it"}[change.old.value]
    sentences = []
    for d in change.diffs:
        if d.new_ref is None and d.old_ref is not None:
            sentences.append(f"The old {d.old_ref} {did} and was deleted.")
            continue
        if d.old_ref is None and d.new_ref is not None:
            sentences.append(f"{d.new_ref} is new.")
            continue
        if not d.changed:
            continue
        edits, pieces = bracket_edits(d.pieces), d.pieces
        if edits:
            pieces = []  # told as brackets put in, word by word it reads "“x” became “[x”"
        i = 0
        while i < len(pieces):
            piece = pieces[i]
            following = pieces[i + 1] if i + 1 < len(pieces) else None
            if piece.op == "delete" and following is not None and following.op == "insert":
                edits.append(f"“{piece.text}” became “{following.text}”")
                i += 2
                continue
            if piece.op == "delete":
                edits.append(f"“{piece.text}” was deleted")
            elif piece.op == "insert":
                edits.append(f"“{piece.text}” was added")
            i += 1
        where = d.new_ref if d.old_ref == d.new_ref else f"{d.new_ref} (the old {d.old_ref})"
        sentences.append(f"In {where}, " + joined(edits) + ".")
    return " ".join(sentences)


# Brackets and the punctuation ending a word are tokens of their own: "violence];" is "violence" "]" ";".
_BRACKET_TOKENS = re.compile(r"[\[\]]|[^\s\[\]]*[^\s\[\];,.:]|[;,.:]")


def _bracketed_words(tokens: list[str]) -> str:
    return re.sub(r"\[\s+", "[", re.sub(r"\s+([\];,.:])", r"\1", " ".join(tokens)))


def bracket_edits(pieces: list[Any]) -> list[str]:
    """A round that only put words in square brackets, perhaps with alternatives beside them, told as such:
    "“irrespective of the source” was put in square brackets, with an alternative added: “[in coordination
    with the host authorities]”". Empty when the round also deleted or rewrote words (told word by word)."""
    import difflib

    old = _BRACKET_TOKENS.findall(" ".join(p.text for p in pieces if p.op != "insert"))
    new = _BRACKET_TOKENS.findall(" ".join(p.text for p in pieces if p.op != "delete"))
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    if any(op in ("delete", "replace") for op, *_ in opcodes) or "[" not in new:
        return []
    kept = [False] * len(new)  # whether each token of the new text was in the old one
    for op, _, _, j1, j2 in opcodes:
        kept[j1:j2] = [op == "equal"] * (j2 - j1)
    edits: list[str] = []
    depth, start, i = 0, 0, 0
    loose: list[str] = []  # words added outside any bracket
    while i < len(new):
        token = new[i]
        if token == "[":
            depth += 1
            start = i if depth == 1 else start
        elif token == "]" and depth:
            depth -= 1
            if depth == 0:
                inside = [
                    t for t, k in zip(new[start + 1 : i], kept[start + 1 : i], strict=True) if t not in "[]"
                ]
                was = [
                    k for t, k in zip(new[start + 1 : i], kept[start + 1 : i], strict=True) if t not in "[]"
                ]
                words = _bracketed_words(new[start : i + 1])
                if kept[start] and kept[i]:
                    pass  # brackets the old text had already
                elif was and all(was):
                    edits.append(f"“{_bracketed_words(inside)}” was put in square brackets")
                elif any(was):  # old words and new ones in one bracket: "[A / B]" with B new
                    added = [t for t, k in zip(inside, was, strict=True) if not k]
                    old_words = _bracketed_words([t for t, k in zip(inside, was, strict=True) if k])
                    alternative = bool(added) and added[0] in ("/", "or")
                    what = "an alternative added" if alternative else "words added"
                    added = added[1:] if alternative else added
                    edits.append(
                        f"“{old_words}” was put in square brackets, with {what}: “{_bracketed_words(added)}”"
                    )
                elif edits and edits[-1].endswith("square brackets") and start and new[start - 1] == "]":
                    edits[-1] += f", with an alternative added: “{words}”"
                elif edits and "alternative" in edits[-1] and start and new[start - 1] == "]":
                    edits[-1] += f" and “{words}”"
                else:
                    edits.append(f"“{words}” was added")
        elif depth == 0 and not kept[i]:
            loose.append(token)
        elif depth == 0 and loose:
            edits.append(f"“{_bracketed_words(loose)}” was added")
            loose = []
        i += 1
    if loose:
        edits.append(f"“{_bracketed_words(loose)}” was added")
    return edits


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
        if not _shown(ch):
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
                "diff": "; ".join(f"{_where(d)}: {compact(d)}" for d in diffs),
                "diffs": [{"where": _where(d), "pieces": compact_pieces(d)} for d in diffs],
                "refs": list(dict.fromkeys([*ch.old_refs, *ch.new_refs])),
            }
        )
    verbs = [v.model_dump() for v in c.weakened_verbs]
    return {"name": _names(c)[0], "summary": summary, "changes": changes, "weakened_verbs": verbs,
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
        told = "; ".join(f"the old {d.old_ref} (“{d.text}”{', by a pending tracked change' if d.pending else ''}; "
                         f"{_rests(d.rules)})" for d in deleted)  # fmt: skip
        n = len(deleted)
        parts.append(
            f"deleted {in_words(n)} operative paragraph{'s' * (n != 1)}{': ' if n > 1 else ', '}{told}"
        )
    if c.newly_bracketed:
        told = "; ".join(f"{where(b.old_ref, b.new_ref)}, " + ", ".join(f"“{w}”" for w in b.words)
                         + f" ({_rests(b.rules)})" for b in c.newly_bracketed)  # fmt: skip
        parts.append(f"put words in square brackets in {told}")
    if c.added_paragraphs:
        told = "; ".join(f"{a.new_ref} (“{a.text}”; {_rests(a.rules)})" for a in c.added_paragraphs)
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


def labelled_loss(change: Any) -> str:
    """`loss_sentence`, and where the verdict held, the rule's label first: "Evidence weakened: still met by
    OP 28; in OP 28, “Calls upon” became “Invites”." (the table, Markdown and the memo say it alike)."""
    if change.status == "evidence strengthened":
        return f"Evidence strengthened: {change.strengthened}."
    sentence = loss_sentence(change)
    if change.status in HELD and sentence:
        return f"{change.status.capitalize()}: {sentence[:1].lower()}{sentence[1:]}"
    return sentence


def _memo_story(ch: Any, lost: bool) -> str:
    """A rule's line in the memo: where its verdict held, its label first ("Evidence weakened: still met by
    OP 28; ..."); a loss a pending tracked change makes is told as such, whatever the verdict did."""
    if lost or ch.status == "evidence strengthened":
        return labelled_loss(ch)
    if any("pending tracked change" in loss.sentence for loss in ch.losses):
        return loss_sentence(ch)
    return _story(ch)


def _verbs_sentence(c: Comparison) -> str:
    """The memo's word on the operative verbs the round weakened: all of them, cited by a rule or not."""
    from mandatekit.render.memo import in_words

    if not c.weakened_verbs:
        return "No operative paragraph's verb was weakened."
    told = []
    for v in c.weakened_verbs:
        where = v.old_ref if v.new_ref == v.old_ref else f"{v.new_ref} (the old {v.old_ref})"
        rests = f"evidence for {', '.join(v.rules)}" if v.rules else "no recommendation rests on it"
        now = f"now “{v.after} {v.diff.split('+} ', 1)[1]}”; " if "+} " in v.diff else ""
        told.append(f"{where}, “{v.before}” to “{v.after}” ({now}{rests})")
    n = len(told)
    return f"The round weakened the verb of {in_words(n)} operative paragraph{'s' * (n != 1)}: {'; '.join(told)}."


def _where(d: Any) -> str:
    # A paragraph paired with its earlier self by its place says so: most of its words are new.
    rewritten = " (rewritten)" if getattr(d, "rewritten", False) else ""
    gone = "(deleted by a pending tracked change)" if getattr(d, "pending_deletion", False) else "(gone)"
    return f"{d.old_ref or '(new)'} → {d.new_ref or gone}{rewritten}"
