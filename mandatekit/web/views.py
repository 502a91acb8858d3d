"""What a result page shows, from the judged draft and the memo's own context: pure functions, no I/O.

The scorecard and each gap's reason, suggested language and place come from `render.memo.memo_context`
(the memo's words, not a second wording of them); this module only lays the draft out paragraph by paragraph,
cut into pieces that carry evidence, square brackets or pending tracked changes, for the template to mark.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from mandatekit.read.model import Document, Kind
from mandatekit.render.agreement import whole_deletions

VERDICTS = ("met", "partial", "missing")
# A decision as the page says it, in the form that records it and wherever it is shown after (the value,
# as `mandatekit decide --as` and the decisions file spell it, is shown beside it in the form).
DECISION_LABELS = {
    "accepted": "Accepted as it stands",
    "not-applicable": "Not applicable to this draft",
    "met": "We judge it met",
    "partial": "We judge it partly met",
    "missing": "We judge it missing",
}


@dataclass
class Piece:
    """A stretch of a paragraph's text and what stands on it."""

    text: str
    rules: list[str] = field(default_factory=list)  # findings whose evidence this is
    bracket: bool = False  # inside square brackets: not yet agreed
    inserted: bool = False  # a pending tracked insertion
    deleted: bool = False  # text a pending tracked change deletes (not in the text as read)
    whole: bool = False  # ... a whole paragraph before this one: drawn as a paragraph of its own
    by: str = ""  # who made the pending change, as Word records it (trial 15, F10)

    @property
    def classes(self) -> str:
        names = [("ev", bool(self.rules)), ("br", self.bracket), ("ins", self.inserted)]
        return " ".join(n for n, on in names if on)


def pieces(
    text: str,
    spans: list[tuple[int, int, str]],
    deletions: list[tuple[int, str, str]],
    wholes: int = 0,
) -> list[Piece]:
    """Cut `text` at every start and end of `spans` ((start, end, tag): tag 'bracket', 'insert' or a rule
    id) and put the `deletions` ((offset, text, author)) where they stood, the first `wholes` of them paragraphs
    deleted whole. One sweep: linear in the cuts."""
    n = len(text)
    opens: dict[int, list[str]] = defaultdict(list)
    closes: dict[int, list[str]] = defaultdict(list)
    for start, end, tag in spans:
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if start < end:
            opens[start].append(tag)
            closes[end].append(tag)
    deleted: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for offset, gone, by in deletions:
        deleted[max(0, min(offset, n))].append((gone, by))
    cuts = sorted({0, n, *opens, *closes, *deleted})
    active: dict[str, int] = {}
    out: list[Piece] = []
    for i, at in enumerate(cuts):
        for tag in closes.get(at, ()):
            active[tag] -= 1
            if not active[tag]:
                del active[tag]
        for tag in opens.get(at, ()):
            active[tag] = active.get(tag, 0) + 1
        out += [
            Piece(gone, deleted=True, whole=not at and k < wholes, by=by)
            for k, (gone, by) in enumerate(deleted.get(at, ()))
        ]
        if i + 1 < len(cuts):
            rules = [t for t in active if t not in ("bracket", "insert")]
            out.append(Piece(text[at : cuts[i + 1]], rules, "bracket" in active, "insert" in active))
    return out


def text_html(cut: list[Piece]) -> Markup:
    """A paragraph's pieces as HTML, every text escaped: evidence in <mark>, brackets and pending insertions in a
    <span>, pending deletions in <del>. Built here rather than in the template: a long resolution has
    thousands of paragraphs, and a template's loop over each piece was a fifth of a new draft's first page."""
    out = []
    for piece in cut:
        text = escape(piece.text)
        by = escape(f" by {piece.by}") if piece.by else ""
        if piece.whole:  # a paragraph of its own, not words of the one it was read into
            out.append(
                f'<del class="pending whole" title="pending deletion of a whole paragraph{by}">{text}</del>'
            )
        elif piece.deleted:
            out.append(f'<del class="pending" title="pending deletion{by}">{text}</del>')
        elif piece.rules:
            out.append(
                f'<mark class="{escape(piece.classes)}" data-rules="{escape(" ".join(piece.rules))}">{text}</mark>'
            )
        elif piece.bracket or piece.inserted:
            out.append(f'<span class="{escape(piece.classes)}">{text}</span>')
        else:
            out.append(text)
    return Markup("".join(out))


def draft_html(paragraphs: list[dict[str, Any]]) -> Markup:
    """The draft's paragraphs of `draft_view` as the result page shows them, every text escaped: each a <div>
    with its reference, its text (`text_html`) and, where findings rest on it, their list. Built here rather
    than in the template for the same reason as `text_html`."""
    out = []
    for p in paragraphs:
        found = p["findings"]
        listed = "".join(f"{escape(f['rule'])} " for f in found)
        rules = f' data-rules="{listed}"' if found else ""
        shown = p.get("shown_ref") or p["ref"]
        ref = f'<span class="ref">{escape(shown)}</span>' if shown else ""
        rests = ""
        if found:
            n = len(found)
            items = "".join(
                f'<li><a href="#f-{escape(f["rule"])}" data-finding="{escape(f["rule"])}"><span class="badge '
                f'v-{escape(f["verdict"])}">{escape(f["verdict_label"])}</span> {escape(f["title"])}</a></li>'
                for f in found
            )
            rests = (
                f'\n    <details class="rests"><summary>{n} finding{"s" if n > 1 else ""} '
                f"rest{'s' if n == 1 else ''} here</summary>\n      <ul>{items}</ul>\n    </details>"
            )
        out.append(
            f'\n  <div class="para k-{escape(p["kind"])}{" has-findings" if found else ""}" id="p-{p["index"]}" '
            f'tabindex="-1"{rules}>{ref}<p class="text">{p["html"]}</p>{rests}\n  </div>\n  '
        )
    return Markup("".join(out))


def draft_view(document: Document, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The draft's paragraphs, each with its pieces and the findings whose evidence it carries."""
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    resting: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for f in findings:
        for e in f["evidence"]:
            spans[e["paragraph"]].append((e["start"], e["end"], f["rule"]))
            if not resting[e["paragraph"]] or resting[e["paragraph"]][-1]["rule"] != f["rule"]:
                resting[e["paragraph"]].append(f)
    out = []
    for p in document.paragraphs:
        marks = list(spans.get(p.index, ()))
        marks += [(b.start, b.end, "bracket") for b in p.brackets]
        marks += [(c.start, c.end, "insert") for c in p.changes if c.kind == "insert"]
        wholes = whole_deletions(p)
        deletions = [(c.start, c.text, c.author) for c in wholes]
        deletions += [
            (c.start, c.text, c.author) for c in p.changes if c.kind == "delete" and c not in wholes
        ]
        cut = (
            pieces(p.text, marks, deletions, len(wholes))
            if marks or deletions
            else [Piece(p.text)]
            if p.text
            else []
        )
        out.append(
            {
                "index": p.index,
                "ref": p.ref,
                # An item of a preambular paragraph's list shares its reference: its own number tells it apart.
                "shown_ref": f"{p.ref} {p.label}"
                if p.ref and p.label and p.kind is Kind.preambular
                else p.ref,
                "kind": p.kind.value,
                "heading": p.kind is Kind.heading,
                "label": p.label,
                "pieces": cut,
                "html": text_html(cut),
                "findings": resting.get(p.index, []),
                "bracketed": bool(p.brackets),
                "changed": bool(p.changes),
            }
        )
    return out


def legend(paragraphs: list[dict[str, Any]]) -> dict[str, bool]:
    """Which marks the draft's text carries, so that the legend explains only those."""
    found = {"evidence": False, "bracket": False, "insert": False, "delete": False}
    for p in paragraphs:
        for piece in p["pieces"]:
            found["evidence"] |= bool(piece.rules)
            found["bracket"] |= piece.bracket
            found["insert"] |= piece.inserted
            found["delete"] |= piece.deleted
    return found


def scorecard(context: dict[str, Any], report: Any) -> list[dict[str, Any]]:
    """The memo's findings, each with the first paragraph of its evidence (where a click takes the reader)
    and the drafting team's decision, if one is recorded."""
    decisions = {f.rule: f.decision for f in report.findings if f.decision is not None}
    out = []
    for f in context["findings"]:
        first = f["evidence"][0]["paragraph"] if f["evidence"] else None
        out.append({**f, "first_paragraph": first, "decision": decisions.get(f["rule"])})
    return out


def counts(findings: list[dict[str, Any]]) -> dict[str, int]:
    return {v: sum(f["verdict"] == v for f in findings) for v in VERDICTS}


def mission_line(report: Any) -> str:
    """The report's mission line as the page says it: the profile is chosen in the list beside it, not with the
    command line's --profile."""
    from mandatekit.missions import CHOOSE_PROFILE, OTHER_KINDS

    line: str = report.mission.line if report.mission else ""
    line = line.replace(CHOOSE_PROFILE, " Choose one in the Mission profile list below.")
    line = line.replace(  # the list names profiles by their names, not their ids
        OTHER_KINDS,
        " A text that mandates no mission (sanctions, thematic): “No UN mission”; a political mission: "
        "“Generic political mission”.",
    )
    return " ".join(x for x in (line, report.written_for) if x)


def mission_parts(line: str) -> tuple[str, str]:
    """The mission line cut for a result page's first screen: its first sentence ("Profile: MONUSCO (Democratic
    Republic of the Congo).") shown, the rest (how it was chosen, the note on sources written for another
    mission) folded under it (trial 13: four lines of it pushed the scorecard below a laptop's first screen)."""
    # A sentence ends at a full stop before a capital, not after an initial ('U.N.', 'Dem. Rep.' stay whole).
    end = _SENTENCE_END.search(line)
    if end is None:
        return line, ""
    return line[: end.start() + 1], line[end.end() :].strip()


_SENTENCE_END = re.compile(r"(?<![\s.][A-Za-z])(?<!\b[A-Z][a-z]{2})\.\s+(?=[A-Z(\"“])")


def compared_under(profile: str, profiles: dict[str, str], old: Any, new: Any) -> dict[str, Any]:
    """What a comparison says of its mission profile: the one chosen (`profile`, an id) with any warning each
    draft's reading gave; detected (''), the profile both drafts were read under, or how each was read."""
    lines = [
        (which, mission_line(r)) for which, r in (("Earlier draft", old), ("Later draft", new)) if r.mission
    ]
    if profile:
        warnings = [f"{which}: {r.mission.warning}" for which, r in (("Earlier draft", old), ("Later draft", new))
                    if r.mission and r.mission.warning]  # fmt: skip
        return {"chosen": profiles.get(profile, profile), "lines": warnings}
    if (
        old.mission
        and new.mission
        and old.mission.profile == new.mission.profile
        and old.mission.how == "detected"
    ):
        return {
            "chosen": profiles.get(new.mission.profile, new.mission.profile),
            "lines": [],
            "detected": True,
        }
    if len(lines) == 2 and lines[0][1] == lines[1][1]:
        return {"chosen": None, "lines": [f"Both drafts: {lines[0][1]}"]}
    return {"chosen": None, "lines": [f"{which}: {line}" for which, line in lines]}
