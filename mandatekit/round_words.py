"""What a round did to a paragraph's words: the word-level diff of two texts, and what the round took from a
paragraph that carried a rule's evidence (deleted, cut, weakened by its verb or a hedge, put in brackets).
Pure functions of two paragraphs; compare.py weighs them rule by rule."""

from __future__ import annotations

import difflib
import re
from typing import Literal

from pydantic import BaseModel, Field

from mandatekit.judge import Evidence
from mandatekit.judge.cues import HEDGES
from mandatekit.read.model import Document, Paragraph
from mandatekit.round_text import brackets_between, outside_brackets
from mandatekit.round_text import quoted as _quote  # words quoted short, as the lists of a round quote them

LossKind = Literal["deleted", "cut", "weakened", "bracketed", "changed"]
# What a round can take from a paragraph that carried the evidence, worst first: the paragraph itself, the
# evidence words, the force of its verb, the agreement on its words (now in brackets), or other words of it.
LOSS_ORDER: dict[str, int] = {"deleted": 0, "cut": 1, "weakened": 2, "bracketed": 3, "changed": 4}
_WORDS = re.compile(r"\S+")


class DiffPiece(BaseModel):
    op: Literal["equal", "insert", "delete"]
    text: str


class Loss(BaseModel):
    """What the new round took from one paragraph that carried a rule's evidence in the old one."""

    kind: LossKind
    old_ref: str = Field(description="The paragraph in the old draft")
    new_ref: str | None = Field(description="The same paragraph in the new draft (None: deleted)")
    words: list[str] = Field(description="The evidence words deleted, or the verb before and after")
    elements: list[str] = Field(description="The rule's elements those words carried")
    sentence: str = Field(description="'the old OP 35 was deleted, with “failing which ... suspended”'")


def word_diff(old: str, new: str) -> list[DiffPiece]:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    pieces: list[DiffPiece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(DiffPiece(op="equal", text=" ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            pieces.append(DiffPiece(op="delete", text=" ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(DiffPiece(op="insert", text=" ".join(b[j1:j2])))
    return pieces


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum()


def common_edges(old: str, new: str) -> tuple[int, int]:
    """Characters two replaced stretches share at their start and their end, cut at word or punctuation
    boundaries: 'monitor' → 'monitor, document' shares 'monitor'; 'Encourages' → 'Requests' shares nothing."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    while head and (_inside_word(old, head) or _inside_word(new, head)):
        head -= 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    while tail and (_inside_word(old, len(old) - tail) or _inside_word(new, len(new) - tail)):
        tail -= 1
    return head, tail


def narrowed_diff(old: str, new: str) -> list[DiffPiece]:
    """A word-level diff, each replaced stretch narrowed to what really changes."""
    pieces = word_diff(old, new)
    out: list[DiffPiece] = []
    i = 0
    while i < len(pieces):
        piece, following = pieces[i], pieces[i + 1] if i + 1 < len(pieces) else None
        if piece.op == "delete" and following is not None and following.op == "insert":
            a, b = piece.text, following.text
            head, tail = common_edges(a, b)
            if head:
                out.append(DiffPiece(op="equal", text=a[:head].strip()))
            if a[head : len(a) - tail].strip():
                out.append(DiffPiece(op="delete", text=a[head : len(a) - tail].strip()))
            if b[head : len(b) - tail].strip():
                out.append(DiffPiece(op="insert", text=b[head : len(b) - tail].strip()))
            if tail:
                out.append(DiffPiece(op="equal", text=a[len(a) - tail :].strip()))
            i += 2
            continue
        out.append(piece)
        i += 1
    return [p for p in out if p.text]


# After these a piece follows its neighbour with no space: "manner" + ", and requests … DRC" + ";".
JOINED_AFTER = ",.;:)]"
JOINED_BEFORE = "(["  # ... and the word after an opening bracket follows it: "{+[+}irrespective"


def spaced(pieces: list[DiffPiece] | list[dict[str, str]]) -> list[str]:
    """The separator before each piece of a diff shown as text: a space, none before the first and none
    before punctuation that follows a word ("and{+, as appropriate,+}", not "and {+, as appropriate,+}"),
    none after an opening bracket."""
    texts = [p.text if isinstance(p, DiffPiece) else p["text"] for p in pieces]
    return [
        # '' is in every string: an empty piece (or one after it) is no punctuation and keeps its space
        ""
        if n == 0
        or (t[:1] and t[:1] in JOINED_AFTER)
        or (texts[n - 1][-1:] and texts[n - 1][-1:] in JOINED_BEFORE)
        else " "
        for n, t in enumerate(texts)
    ]


def _found(words: str, para: Paragraph) -> tuple[int, int] | None:
    """Where `words` stand in `para`, spaces and case aside; a few words the round inserted inside the phrase
    ('hold accountable all those' for 'hold accountable those') leave it there: an insertion deletes nothing
    (what it adds, a hedge, is told by `_hedges_added`)."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    m = re.search(pattern, para.text, re.IGNORECASE) if pattern else None
    if m is None and pattern:
        inserted = r"\s+(?:[^\s;]+\s+){0,3}?"
        wanted = len(words.split())
        for m in re.finditer(inserted.join(re.escape(w) for w in words.split()), para.text, re.IGNORECASE):
            own = {w.lower() for w in words.split()}
            added = {w.lower().strip(",.:") for w in m.group(0).split()} - own
            # Three words at most in all, and none that turns the phrase round: 'hold no one accountable except
            # those' is not 'hold accountable those' with words inserted, it is its opposite.
            if len(m.group(0).split()) - wanted <= _MAX_INSERTED and not _NEGATING & added:
                return m.span()
        return None
    return m.span() if m else None


_MAX_INSERTED = 3
_NEGATING = frozenset(
    ["no", "not", "never", "nor", "neither", "none", "except", "excluding", "without", "unless"]
)


def _deleted_words(old: Paragraph, new: Paragraph, evidence: str) -> list[str]:
    """The stretches the diff deleted from `old` that held words of the evidence."""
    wanted = {w.lower() for w in evidence.split()}
    # narrowed: a word kept before the cut ('manner' of 'manner, and requests …;' → 'manner;') is not quoted
    return [
        _quote(p.text.lstrip(",;: "))
        for p in narrowed_diff(old.text, new.text)
        if p.op == "delete" and wanted & {w.lower() for w in p.text.split()}
    ] or [_quote(evidence)]


# What a round adds to make an ask conditional on the addressee's own judgement or means: the judge's hedges and
# the ways a text leaves the ask to its addressee ("as it deems necessary").
_ROUND_HEDGES = re.compile(
    "|".join(
        h.replace(r"\ ", " ").replace(" ", r"\s+")
        for h in [
            *map(re.escape, HEDGES),
            r"as (?:it|they|he|she) deems? necessary",
            r"as (?:it|they|he|she) deems? appropriate",
            r"as necessary",
            r"where necessary",
            r"if necessary",
            r"to the extent (?:possible|feasible)",
        ]
    ),
    re.IGNORECASE,
)


def _hedges_added(old: str, new: Paragraph, spans: list[tuple[int, int]]) -> list[str]:
    """Hedges the new round's words hold that the old one's did not ('as appropriate', 'as it deems
    necessary'), in the part of the paragraph one verb governs that holds the evidence (`spans`): a hedge on
    'calls upon ... to investigate attacks' does not weaken 'demands ... freedom of movement' before it."""
    before = {" ".join(m.group(0).lower().split()) for m in _ROUND_HEDGES.finditer(old)}
    starts = sorted({0, *(v.start for v in new.verbs)})

    def part(at: int) -> int:
        return max(i for i, s in enumerate(starts) if s <= at)

    held = {part(start) for start, _ in spans}
    # A hedge the round put inside square brackets is an alternative offered, not agreed words: the brackets
    # are the loss ("[full, safe ... access][access, as appropriate,]"), told by `losses` as bracketed.
    found = (
        " ".join(m.group(0).split())
        for m in _ROUND_HEDGES.finditer(outside_brackets(new))
        if not spans or part(m.start()) in held
    )
    return list(dict.fromkeys(h for h in found if h.lower() not in before))


def pending_deleter(old_para: Paragraph, new_doc: Document) -> str | None:
    """Who made the pending tracked change in the new draft that deletes this paragraph of the old one ('' if
    Word names nobody); None if no pending change deletes it."""
    head = " ".join(old_para.text.split()[:8]).lower()
    if not head:
        return None
    return next(
        (
            c.author
            for p in new_doc.paragraphs
            for c in p.changes
            if c.kind == "delete" and head in " ".join(c.text.split()).lower()
        ),
        None,
    )


def pending_deletion(old_para: Paragraph, new_doc: Document) -> bool:
    """Whether a pending tracked change in the new draft deletes this paragraph of the old one."""
    return pending_deleter(old_para, new_doc) is not None


def pending_change(author: str | None = "") -> str:
    """'a pending tracked change by Delegation A': who proposed it is half of what a negotiator needs."""
    return f"a pending tracked change by {author}" if author else "a pending tracked change"


def paragraph_losses(
    old_para: Paragraph,
    new_para: Paragraph | None,
    evidence: list[Evidence],
    new_doc: Document,
    also: bool = False,
    governs: str | None = None,
) -> list[Loss]:
    """What the round took from one evidence paragraph of the old draft (`also`: a paragraph that met the
    rule too, beside those the finding cites; `governs`: the new reference of the paragraph whose verb an
    item takes)."""
    labels = list(dict.fromkeys(e.label for e in evidence))
    ref = old_para.ref or "a paragraph"
    named = ref + (" (which also met it)" if also else "")
    if new_para is None:
        words = list(dict.fromkeys(_quote(e.text) for e in evidence))
        quoted = ", ".join(f"“{w}”" for w in words)
        by = pending_deleter(old_para, new_doc)
        how = f"{pending_change(by)} deletes the old" if by is not None else "the old"
        verb = "" if how.startswith("a pending") else " was deleted"
        return [Loss(kind="deleted", old_ref=ref, new_ref=None, words=words, elements=labels,
                     sentence=f"{how} {named}{verb}, and with it {quoted}")]  # fmt: skip
    out: list[Loss] = []
    deletions = [c for c in new_para.changes if c.kind == "delete"]
    out_tail = f" ({pending_change(deletions[0].author)})" if deletions else ""
    where = new_para.ref if new_para.ref == old_para.ref else f"{new_para.ref} (the old {old_para.ref})"
    where += " (which also met it)" if also else ""
    gone = [e for e in evidence if _found(e.text, new_para) is None]
    if gone:
        words = list(dict.fromkeys(w for e in gone for w in _deleted_words(old_para, new_para, e.text)))
        quoted = ", ".join(f"“{w}”" for w in words)
        out.append(Loss(kind="cut", old_ref=ref, new_ref=new_para.ref, words=words,
                        elements=list(dict.fromkeys(e.label for e in gone)),
                        sentence=f"{quoted} {'was' if len(words) == 1 else 'were'} deleted from {where}{out_tail}"))  # fmt: skip
    old_class, new_class = old_para.verb_class, new_para.verb_class
    if old_class is not None and new_class is not None and new_class.strength < old_class.strength:
        before, after = old_para.verb or old_class.value, new_para.verb or new_class.value
        # An item's verb stands in the paragraph it hangs from: "in OP 18 (over OP 18(a))".
        over = f"{governs} (over {where})" if governs and old_para.verb_inherited else where
        out.append(Loss(kind="weakened", old_ref=ref, new_ref=new_para.ref, words=[before, after], elements=labels,
                        sentence=f"in {over}, “{before}” became “{after}”{out_tail}"))  # fmt: skip
    spans = [span for e in evidence if (span := _found(e.text, new_para)) is not None]
    added = _hedges_added(old_para.text, new_para, spans)
    if added:
        quoted = ", ".join(f"“{h}”" for h in added)
        out.append(Loss(kind="weakened", old_ref=ref, new_ref=new_para.ref, words=added, elements=labels,
                        sentence=f"{where} now holds {quoted}{out_tail}"))  # fmt: skip
    bracketed = []
    for e in evidence:
        span = _found(e.text, new_para)
        if span is not None and new_para.in_brackets(*span) and not old_para.in_brackets(e.start, e.end):
            bracketed.append(e)
    if bracketed:
        words = list(dict.fromkeys(_quote(e.text) for e in bracketed))
        quoted = ", ".join(f"“{w}”" for w in words)
        out.append(Loss(kind="bracketed", old_ref=ref, new_ref=new_para.ref, words=words,
                        elements=list(dict.fromkeys(e.label for e in bracketed)),
                        sentence=f"{quoted} now {'stands' if len(words) == 1 else 'stand'} in square brackets in {where}"))  # fmt: skip
    elif words := brackets_between(old_para, new_para, spans):
        quoted = ", ".join(f"“{w}”" for w in words)
        out.append(Loss(kind="bracketed", old_ref=ref, new_ref=new_para.ref, words=words, elements=labels,
                        sentence=f"{quoted} now {'stands' if len(words) == 1 else 'stand'} in square brackets in "
                                 f"{where}, between the words that met it{out_tail}"))  # fmt: skip
    if not out:
        edits = [p for p in word_diff(old_para.text, new_para.text) if p.op != "equal"]
        if edits:
            deleted, told = _edits_told(edits)
            what = ", ".join(told) if told else "words added"
            out.append(Loss(kind="changed", old_ref=ref, new_ref=new_para.ref, words=deleted, elements=labels,
                            sentence=f"{where} was changed ({what})"))  # fmt: skip
    return out


def _bare(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower())


def _edits_told(edits: list[DiffPiece]) -> tuple[list[str], list[str]]:
    """The words a round deleted, and each edit as said: a word replaced 'became' its replacement; a word kept
    with punctuation or words joined to it ('responsible' -> 'responsible, including ...') was not deleted."""
    deleted: list[str] = []
    told: list[str] = []
    for i, piece in enumerate(edits):
        if piece.op != "delete":
            continue
        after = edits[i + 1] if i + 1 < len(edits) and edits[i + 1].op == "insert" else None
        words = _bare(piece.text)
        if after is not None and words and _bare(after.text)[: len(words)] == words:
            continue  # kept, with words added after it
        deleted.append(_quote(piece.text))
        if after is not None:
            told.append(f"“{_quote(piece.text)}” became “{_quote(after.text)}”")
        else:
            told.append(f"“{_quote(piece.text)}” deleted")
    return deleted, told
