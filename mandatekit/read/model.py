"""The reader's contract: a draft, whatever its format, becomes a `Document` of `Paragraph`s."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every field's annotation
# from its string when it builds the models, a third of this module's import time.
import bisect
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from mandatekit.factories import empty_list

# What a draft may hold, whatever its format: a resolution has hundreds of paragraphs, the longest UN texts
# (with their annexes) a few thousand. Past these, a few kilobytes of compressed XML or text would cost
# gigabytes of paragraphs and minutes of reading.
MAX_PARAGRAPHS = 20_000
MAX_TEXT_LINES = 1_000_000
MAX_CHANGES_IN_A_PARAGRAPH = 5_000
MAX_TEXT_CHARS = 5_000_000  # characters of text, as for a PDF's glyphs: a 300-page report holds about one million  # tracked changes: each is mapped into the paragraph's text


class TooLarge(Exception):
    """A draft past one of the limits above; the reader names the file."""


class VerbClass(StrEnum):
    """Governing verb classes, strongest first (see the README, 'How a mandate is read')."""

    decides = "decides"
    requests = "requests"
    calls = "calls"
    encourages = "encourages"
    notes = "notes"

    @property
    def strength(self) -> int:
        return _STRENGTH[self]


_STRENGTH = {
    VerbClass.decides: 5,
    VerbClass.requests: 4,
    VerbClass.calls: 3,
    VerbClass.encourages: 2,
    VerbClass.notes: 1,
}


class Kind(StrEnum):
    front_matter = "front_matter"
    heading = "heading"
    preambular = "preambular"
    operative = "operative"
    annex = "annex"  # text annexed to the resolution (lists, agreements): never operative, never judged


class Span(BaseModel):
    """Character offsets [start, end) into a paragraph's `text`."""

    model_config = ConfigDict(frozen=True)
    start: int
    end: int


class VerbUse(BaseModel):
    """A governing verb as written, its class, and where it stands in the paragraph text."""

    model_config = ConfigDict(frozen=True)
    verb: str
    verb_class: VerbClass
    start: int = 0
    bracketed: bool = Field(False, description="The verb itself stands in square brackets (not yet agreed)")


class Change(BaseModel):
    """A pending tracked change (Word): inserted text, with its span in the paragraph text as read, or deleted
    text, which the text as read no longer has, at the offset where it stood."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["insert", "delete"]
    start: int
    end: int
    text: str
    author: str = Field("", description="Who made it, as Word records it ('Delegation A'); '' if unnamed")


class Origin(BaseModel):
    """Where a paragraph came from in the file, to find it again (annotate) and to cite it."""

    index: int = Field(description=".docx: position among the body's paragraphs (w:p); other formats: block")
    line: int | None = Field(None, description="Text formats: first line, 1-based")
    page: int | None = Field(None, description="PDF: page, 1-based")


class Paragraph(BaseModel):
    index: int = Field(description="Position in the document, 0-based, over all kinds")
    kind: Kind
    ref: str | None = Field(
        None,
        description="'PP 4', 'OP 35(a)(i)', 'Annex I, para 3(a)'; unique in a document, except that a "
        "continuation (unnumbered text of a numbered paragraph) shares its paragraph's ref and points to it by "
        "`parent`; None for front matter, headings and unnumbered annex text",
    )
    number: list[str] = Field(default_factory=empty_list, description="['35', 'a', 'i'] for OP 35(a)(i)")
    part: str | None = Field(
        None,
        description="Which bullet of its paragraph a bulleted continuation is ('third bullet'): a bullet has "
        "no number of its own and shares its paragraph's ref, as the Council cites it ('paragraph 9'); "
        "this tells the bullets apart where a reader is shown one (trial 15 F11)",
    )
    label: str | None = Field(None, description="The number as the draft shows it: '35.', '(a)'")
    numbered_by_word: bool = Field(
        False,
        description="Its number is Word's automatic numbering, not typed in its text: a paragraph inserted "
        "after it in Word takes the next number by itself",
    )
    heading: str | None = Field(None, description="The nearest heading above, e.g. 'Mandate of MINUSCA'")
    annex: str | None = Field(None, description="For kind 'annex': which annex, e.g. 'Annex I', 'Annex'")
    parent: int | None = Field(None, description="Index of the paragraph this one is a sub-paragraph of")
    verb: str | None = Field(None, description="Governing verb: its own, or the one of the paragraph above")
    verb_class: VerbClass | None = None
    verb_inherited: bool = False
    verbs: list[VerbUse] = Field(
        default_factory=empty_list, description="Verbs that govern parts of this text"
    )
    text: str = Field(description="The words as the draft has them (inserted text in, deleted text out)")
    brackets: list[Span] = Field(
        default_factory=empty_list,
        description="Square-bracketed (unagreed) text: outermost spans, sorted and disjoint",
    )
    origin: Origin
    changes: list[Change] = Field(
        default_factory=empty_list, description="Pending tracked changes in this paragraph"
    )

    @property
    def level(self) -> int:
        return max(len(self.number) - 1, 0)

    def in_brackets(self, start: int, end: int) -> bool:
        # `brackets` are the outermost spans, sorted and disjoint: only the last one opening before `end` can
        # overlap [start, end). A binary search keeps a paragraph of 10^5 brackets and hits linear to judge.
        i = bisect.bisect_left(self.brackets, end, key=lambda b: b.start)
        return i > 0 and start < self.brackets[i - 1].end


class FrontMatter(BaseModel):
    symbol: str | None = None
    title: str | None = None
    date: str | None = None


class Document(BaseModel):
    path: str | None = None
    format: str
    front: FrontMatter = Field(default_factory=FrontMatter)
    paragraphs: list[Paragraph]
    warnings: list[str] = Field(default_factory=empty_list)
    pending_changes: int = Field(
        0,
        description="Pending tracked changes, all read as accepted, counted as Word's reviewing pane lists them "
        "(one per stretch of one kind by one author)",
    )

    @property
    def operative(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind is Kind.operative]

    @property
    def annexes(self) -> list[Paragraph]:
        """Text annexed to the resolution, after its last operative paragraph: not operative, not judged."""
        return [p for p in self.paragraphs if p.kind is Kind.annex]

    def by_ref(self, ref: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.ref == ref), None)


class Block(BaseModel):
    """A paragraph as a format reader hands it to `structure`: text plus what the format knows."""

    text: str
    label: str | None = Field(None, description="Number rendered from Word's automatic numbering")
    label_format: str | None = Field(None, description="decimal / lowerLetter / lowerRoman ... for `label`")
    style: str | None = Field(None, description="Word paragraph style name")
    heading_level: int | None = Field(None, description="Set when the format marks this as a heading")
    origin: Origin
    changes: list[Change] = Field(
        default_factory=empty_list, description="Pending tracked changes, offsets in `text`"
    )
    revisions: int = Field(0, description="Tracked-change marks in the paragraph (runs and paragraph mark)")
