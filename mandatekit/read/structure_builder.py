"""References for a draft's paragraphs, built in one walk: PP 1, PP 2 ...; OP 1, OP 2 with sub-paragraphs
OP 35(a)(i) (a letter or roman '(i)' told by the list it stands in), tasks under category headings
(OP 34(ii)(a)), items of a list a lead-in announces, and paragraphs of annexes ('Annex I, para 2(b)').
`structure.build` decides what each block is; the builder numbers it and keeps the current OP / (a) / (i)
path.
"""

from __future__ import annotations

import re

from mandatekit.read.model import Block, Change, Kind, Paragraph
from mandatekit.read.structure_labels import Label, letter_value, roman_value
from mandatekit.read.verbs import preambular_opener

# An item typed right after a paragraph's number, opening its first list: '11. (a)', '4. (i)'.
_FIRST_ITEM = re.compile(r"^\((a|i)\)\s")
# A typed number alone ('(c)', '3.', 'viii)'): struck before the text, it is a renumbering, not words deleted.
_NUMBER_ONLY = re.compile(r"\(?[0-9a-z]{1,6}[.)]?")


class Builder:
    """Walks the blocks once, keeping the current OP / (a) / (i) path."""

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.pp_count = 0
        self.op_number = 0
        self.path: list[tuple[str, str, int]] = []  # (kind, value, paragraph index) for OP, (a), (i)
        self.heading: str | None = None
        self.annex: str | None = None  # the annex being read ('Annex I'); None in the resolution itself
        self.annex_number = 0  # last top-level number in the current annex part
        self.annex_part = 1  # an annex whose numbering starts again has parts: 'Annex A, part 2, para 1'
        self.annex_parts: dict[str, int] = {}  # the last part of each annex name read so far
        self.refs: set[str] = set()
        self.categorised: int | None = None  # the OP whose tasks stand under category headings, if any

    def _ref(self, number: list[str]) -> str:
        if self.annex is None:
            return f"OP {number[0]}" + "".join(f"({n})" for n in number[1:])
        part = f", part {self.annex_part}" if self.annex_part > 1 else ""
        head = number[0] if number[0].isdigit() else f"({number[0]})"
        return f"{self.annex}{part}, para {head}" + "".join(f"({n})" for n in number[1:])

    def _unique(self, ref: str) -> str:
        """A reference names one paragraph: a number the text repeats gets a count ('OP 4 (2)')."""
        unique, n = ref, 1
        while unique in self.refs:
            n += 1
            unique = f"{ref} ({n})"
        self.refs.add(unique)
        return unique

    @property
    def numbered_kind(self) -> Kind:
        return Kind.operative if self.annex is None else Kind.annex

    def start_annex(self, block: Block, text: str, name: str | None) -> None:
        """An annex heading ('Annex II') or, after the last operative paragraph, text that is no OP."""
        if name is not None or self.annex is None:
            self.annex = name or "Annex"
            # A name heading a second annex ('Attachment' twice, with no number): its parts go on from the
            # first's, so that each reference names one paragraph ('Attachment, part 2, para 1').
            self.annex_number, self.annex_part = 0, self.annex_parts.get(self.annex, 0) + 1
            self.annex_parts[self.annex] = self.annex_part
            self.path = []
        if name is not None:
            self.heading = self.annex
        self._add(block, Kind.annex, text)

    def add_annex_text(self, block: Block, text: str) -> None:
        self._add(block, Kind.annex, text)

    def _add(self, block: Block, kind: Kind, text: str, **fields: object) -> Paragraph:
        para = Paragraph(
            index=len(self.paragraphs),
            kind=kind,
            text=text,
            heading=self.heading,
            annex=self.annex,
            origin=block.origin,
            changes=_shift_changes(block, text),
            numbered_by_word=block.label is not None and "label" in fields,
            **fields,
        )  # type: ignore[arg-type]
        self.paragraphs.append(para)
        return para

    def add_front(self, block: Block, text: str) -> None:
        self._add(block, Kind.front_matter, text)

    def add_heading(self, block: Block, text: str) -> None:
        self.heading = text.rstrip(":").strip()
        self._add(block, Kind.heading, text)
        self.heading = text.rstrip(":").strip()

    def add_preambular(self, block: Block, text: str) -> None:
        self.pp_count += 1
        self._add(
            block,
            Kind.preambular,
            text,
            ref=f"PP {self.pp_count}",
            number=[str(self.pp_count)],
            verb=preambular_opener(text),
        )

    def add_operative(self, block: Block, text: str, label: Label | None) -> None:
        if self.annex is not None:
            number = int(label.value) if label else self.annex_number + 1
            if number <= self.annex_number:
                self.annex_part += 1
                self.annex_parts[self.annex] = self.annex_part
            self.annex_number = number
        else:
            number = self.op_number = int(label.value) if label else self.op_number + 1
        # '3 bis.': a paragraph inserted after OP 3, which the next '4.' follows
        shown = f"{number} {label.suffix}" if label is not None and label.suffix else str(number)
        para = self._add(
            block,
            self.numbered_kind,
            text,
            ref=self._unique(self._ref([shown])),
            number=[shown],
            label=f"{shown}.",
        )
        self.path = [("decimal", str(number), para.index)]
        if first := _FIRST_ITEM.match(text):
            # "11. (a) Expresses concern ..., demands all parties (i) to end ...; (ii) ...; (b) calls upon ...":
            # the paragraph's text is its first item, '(a)': the items under it are OP 11(a)(i) ..., not OP 11(i).
            kind = "letter" if first.group(1) == "a" else "roman"
            self.path.append((kind, first.group(1), para.index))

    def _number(self, entry: tuple[str, str, int]) -> list[str]:
        """The number of a path entry: its paragraph's, or with the item its text opens with ('11. (a)')."""
        number = self.paragraphs[entry[2]].number
        return number if number[-1:] == [entry[1]] else [*number, entry[1]]

    def _sub_kind(self, label: Label) -> str:
        """Letter or roman for '(i)', '(v)', '(x)', '(ii)': after '(h)' an '(i)' is a letter; '(i)' otherwise
        opens a roman list; later ones continue whichever list is open."""
        if label.kind != "ambiguous":
            return label.kind
        letter = next((v for k, v, _ in reversed(self.path) if k == "letter"), None)
        roman = self.path[-1][1] if self.path and self.path[-1][0] == "roman" else None
        if roman is not None and roman_value(label.value) == roman_value(roman) + 1:
            return "roman"
        if letter is not None and letter_value(label.value) == letter_value(letter) + 1:
            return "letter"
        if label.value == "ii" and self.path and self.path[-1][:2] == ("letter", "i"):
            return "roman"  # the '(i)' before was the first of a roman list after all
        return "roman" if label.value == "i" or len(label.value) > 1 else "letter"

    def add_sub(self, block: Block, text: str, label: Label) -> None:
        kind = self._sub_kind(label)
        if kind == "roman" and label.value == "ii" and self.path and self.path[-1][:2] == ("letter", "i"):
            self._relabel_letter_i()
        if (
            kind == "letter"
            and len(self.path) == 2
            and self.path[1][0] == "roman"
            and (label.value == "a" or self.categorised == self.path[0][2])
        ):
            # "34. Decides ... the following tasks: (i) Protection of civilians (a) ... (g) ... (ii) Political
            # situation (a) ... (or (h) ...)": a roman item straight under the OP, then a list from '(a)' (or
            # going on from the last category's), is a category heading of the OP's tasks, cited as the UN
            # cites them: OP 34(i)(a), OP 34(ii)(a) or OP 34(ii)(h).
            self.path[1] = ("category", *self.path[1][1:])
            self.categorised = self.path[0][2]
        category = next((entry for entry in self.path if entry[0] == "category"), None)
        if (
            kind == "roman"
            and category is not None
            and self.path[-1][0] == "letter"
            and roman_value(label.value) == roman_value(category[1]) + 1
        ):
            self.path = self.path[:1]  # the next category heading: '(ii)' after '(i)' and its tasks
        base = [entry for entry in self.path if entry[0] in ("decimal", "list", "category")]
        if kind == "roman":
            base = [entry for entry in self.path if entry[0] in ("decimal", "list", "category", "letter")]
        numbering = base[-1][2] if base else None
        # A category is a heading of the tasks under it, not their lead-in: they stay the OP's own tasks.
        parent = self.paragraphs[numbering].parent if base and base[-1][0] == "category" else numbering
        # An annex list that starts at '(a)': its items are the annex's own paragraphs.
        number = [label.shown] if numbering is None else [*self._number(base[-1]), label.shown]
        para = self._add(
            block,
            self.numbered_kind,
            text,
            ref=self._unique(self._ref(number)),
            number=number,
            label=f"({label.shown})",
            parent=parent,
        )
        self.path = [*base, (kind, label.value, para.index)]

    def add_numbered_item(self, block: Block, text: str, label: Label) -> None:
        """'1.', '2.' typed again under an OP whose lead-in ends in a colon: items of its list (the UN's
        text sometimes prints (a), (b) that way), not operative paragraphs 1 and 2 a second time."""
        top = next(entry for entry in self.path if entry[0] == "decimal")
        number = [*self.paragraphs[top[2]].number, label.value]
        para = self._add(
            block,
            self.numbered_kind,
            text,
            ref=self._unique(self._ref(number)),
            number=number,
            label=f"{label.value}.",
            parent=top[2],
        )
        self.path = [top, ("list", label.value, para.index)]

    def _relabel_letter_i(self) -> None:
        """Make the '(i)' read as a letter after '(h)' the first roman item under '(h)'."""
        item = self.paragraphs[self.path[-1][2]]
        owner = next(
            (
                self.paragraphs[k]
                for k in range(item.index - 1, (item.parent or 0) - 1, -1)
                if self.paragraphs[k].parent == item.parent and self.paragraphs[k].number[-1:] == ["h"]
            ),
            None,
        )
        if owner is None:
            return
        item.parent = owner.index
        item.number = [*owner.number, "i"]
        if item.ref is not None:
            self.refs.discard(item.ref)
        item.ref = self._unique(self._ref(item.number))
        self.path = [*self.path[:-1], ("letter", "h", owner.index), ("roman", "i", item.index)]

    def add_continuation(self, block: Block, text: str, label: Label | None = None) -> None:
        """Unnumbered text inside an operative paragraph (a bullet, a second paragraph): part of it. Bullets in a
        row are siblings under the paragraph they continue, not each under the one before: the fifth bullet of
        OP 43 is governed by OP 43's verb, not by a verb inside the fourth. An item of a preambular paragraph's
        list ('(i) effective governance ...') shares its reference but keeps its number as the draft shows it,
        for the reader to see: '(i)'."""
        prev = self.paragraphs[-1]
        owner = prev
        if prev.parent is not None and self.paragraphs[prev.parent].ref == prev.ref:
            owner = self.paragraphs[prev.parent]  # prev continues it too
        shown: dict[str, object] = {}
        if label is not None and label.kind not in ("bullet", "decimal") and prev.kind is Kind.preambular:
            shown["label"] = f"({label.shown})"
        if (label is not None and label.kind == "bullet") or (label is None and _BULLET.match(text)):
            # Bullets are counted under the paragraph they continue: "OP 9, third bullet".
            before = sum(1 for q in self.paragraphs if q.parent == owner.index and q.part)
            shown["part"] = _bullet(before + 1)
        self._add(block, prev.kind, text, ref=prev.ref, number=prev.number, parent=owner.index, **shown)


# A bullet typed at the start of the text ("• To prevent ...", "- To maintain ..."), when Word's list gives none.
_BULLET = re.compile(r"[•▪◦●■□○·‣⁃–-]\s")
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def _bullet(n: int) -> str:
    """'third bullet'; past the tenth, 'bullet 11'."""
    return f"{_ORDINALS[n - 1]} bullet" if n <= len(_ORDINALS) else f"bullet {n}"


def _shift_changes(block: Block, text: str) -> list[Change]:
    """A block's tracked changes in the paragraph's text, which is the block's without its typed number."""
    if not block.changes or not block.text.endswith(text):
        return []
    shift = len(block.text) - len(text)
    return [
        c.model_copy(update={"start": max(c.start - shift, 0), "end": max(c.end - shift, 0)})
        for c in block.changes
        if c.end > shift or (c.kind == "delete" and (c.start >= shift or _before_number(c)))
    ]


def _before_number(c: Change) -> bool:
    """A deletion standing before the typed number: words struck there (a paragraph deleted whole, its mark
    too, which the reader merged into this one) stay pending at the paragraph's start when the number is
    stripped; a struck number alone was a renumbering."""
    return c.start == 0 and _NUMBER_ONLY.fullmatch(c.text.strip()) is None
