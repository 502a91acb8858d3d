"""Turn the flat blocks a format reader produces into a `Document`.

Every format ends here, so every format gets the same references: front matter up to "The Security
Council,", then preambular paragraphs (PP 1, PP 2 ...), then operative paragraphs numbered 1., 2. with
sub-paragraphs (a), (b) and (i), (ii) (OP 35(a)(i)), grouped under unnumbered headings. Numbers come from
Word's automatic numbering (rendered by the .docx reader into `Block.label`) or from the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mandatekit.read.model import Block, Change, Document, FrontMatter, Kind, Paragraph, Span, VerbUse
from mandatekit.read.verbs import coordinated_verbs, governing_verb, lazily, leading_verb, preambular_opener

_OPENING = re.compile(r"^the\s+(?:security\s+council|general\s+assembly)\s*[,:;]?$", re.IGNORECASE)
_SEIZED = re.compile(r"\bremain\s+(actively\s+)?seized\b", re.IGNORECASE)
# "Adopts the following political declaration ...:" (General Assembly 73/3): what follows is the text adopted,
# an annex with its own numbered paragraphs, as after "remain seized".
_ADOPTS_TEXT = re.compile(
    r"^(?:adopts|approves|endorses|proclaims)\s+the\s+following\s+(?:[\w-]+\s+){0,3}?"
    r"(?:declaration|programme|plan|outcome|agreement|charter|convention|protocol|principles|guidelines|rules|"
    r"statute|text)\b.*:$",
    re.IGNORECASE | re.DOTALL,
)
# "Annex", "Annex I", "ANNEX 2", "Annex A: Joint Comprehensive Plan of Action", "Appendix": what follows is an
# annex to the resolution (a sanctions list, an agreement, a declaration), not operative text.
_ANNEX = re.compile(
    r"^(annex|appendix|attachment|enclosure)(?:\s+([IVXLC]{1,6}|\d{1,3}|[A-Z]))?\b\.?(?:\s*[:\-–—]\s*\S.*)?$",
    re.IGNORECASE,
)
# "1.1 Percentage", "12.5 per cent": a decimal, not a paragraph number
_TYPED_DECIMAL = re.compile(r"^(\d{1,6})\s*[.)](?!\d)\s*(?=\S)")
_TYPED_PAREN = re.compile(r"^\(([a-z]{1,5})\)\s*")
_TYPED_HALF_PAREN = re.compile(r"^([a-z]{1,5})\)\s+")
_TYPED_DOTTED = re.compile(r"^([a-z]|[ivx]{1,5})\.\s+(?=\S)")  # "a. To protect", "ii. To report"
_SECTION_MARK = re.compile(r"^(?:[A-Z]|[IVX]{1,4})\.\s+(?=[A-Z])")  # "A. Political process"
_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_LETTER = re.compile(r"^([a-z])\1{0,3}$")
_BRACKET = re.compile(r"[\[\]]")
# Model language (the OCHA Aide Memoire, templates) names the parties in brackets to be filled in:
# "[UN Mission]", "[Government of affected country]", "[name of mission]", "[X]". A placeholder is a name,
# not text under negotiation, so it does not make the words around it unagreed.
_PLACEHOLDER = lazily(
    r"^\s*(?:(?:insert|name\s+of)\s+)?(?:the\s+)?(?:(?:UN|United\s+Nations)\s+)?"
    r"(?:(?:[A-Z][\w-]*|affected|host|relevant|concerned)\s+)*"
    r"(?:[Mm]ission|[Gg]overnment|[Cc]ountry|State|[Oo]peration|SRSG|Representative|[Aa]uthorities|[Rr]egion)"
    r"(?:\s+of\s+(?:the\s+)?(?:affected|host|concerned|relevant)?\s*(?:country|State|state|region))?\s*$"
    r"|^\s*(?:X{1,3}|x{1,3}|\.\.\.|…|date|year|month|number|name)\s*$"
)
# S/RES/2719 (2024), S/2024/123; General Assembly: A/RES/73/8, A/80/590 (its masthead holds the symbol)
_SYMBOL = re.compile(
    r"\bS/RES/\d+\s*\(\d{4}\)|\bS/\d{4}/[\w.]+|\bA/RES/\d+/\d+\b|\bA/\d{2,3}/(?:L\.)?\d+\b", re.IGNORECASE
)
# "Adopted by the Security Council at its 9512th meeting", "S/RES/2717 (2023)": the text as adopted.
_ADOPTED = re.compile(
    r"^Adopted\s+by\s+the\s+(?:Security\s+Council|General\s+Assembly)\b|^\s*[SA]/RES/\d", re.IGNORECASE
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}\b|\b(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}\b")
_NUMBERED_TITLE = re.compile(r"^\d{1,3}/\d{1,4}\.\s+(\S.*)$")
_TITLE_HINT = re.compile(r"\b(draft|resolution|mandate|renewal)\b", re.IGNORECASE)
# "Tasks by order of priority", "Requests for exemptions": a verb's spelling used as a noun in a heading.
_NOUN_LIKE_HEADING = lazily(r"^\w+\s+(?:by|of|for|and|under|in)\b[^;:.,]*$", re.IGNORECASE)
_ANNOUNCES_LIST = re.compile(r"\b(?:the\s+following|as\s+follows)\b", re.IGNORECASE)
_FORMAT_KIND = {
    "decimal": "decimal",
    "decimalZero": "decimal",
    "lowerLetter": "letter",
    "upperLetter": "letter",
    "lowerRoman": "roman",
    "upperRoman": "roman",
}


@dataclass(slots=True)
class _Label:
    kind: str  # decimal | letter | roman | ambiguous | bullet
    value: str


def _roman_value(s: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values[b] > v else v
    return total


def _letter_value(s: str) -> int:
    return (len(s) - 1) * 26 + ord(s[0]) - ord("a") + 1


def _to_roman(n: int) -> str:
    out = ""
    for v, sym in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv")):
        while n >= v:
            out, n = out + sym, n - v
    return out + "i" * n


def _label_of(block: Block) -> tuple[_Label | None, str]:
    """The block's number (from Word's numbering or typed in the text) and its text without it."""
    text = block.text
    if block.label is not None:
        kind = _FORMAT_KIND.get(block.label_format or "", "bullet")
        value = re.sub(r"[^0-9A-Za-z]", "", block.label).lower()
        return (_Label(kind, value) if value or kind == "bullet" else None), text
    first = text[:1]
    if not (first.isdecimal() or first == "(" or "a" <= first <= "z"):
        return None, text  # each typed number below opens with a digit, '(' or a lower-case letter
    if m := _TYPED_DECIMAL.match(text):
        return _Label("decimal", m.group(1)), text[m.end() :]
    for pattern in (_TYPED_PAREN, _TYPED_HALF_PAREN, _TYPED_DOTTED):
        if m := pattern.match(text):
            value = m.group(1)
            is_roman, is_letter = bool(_ROMAN.match(value)), bool(_LETTER.match(value))
            if is_roman or is_letter:
                kind = "ambiguous" if is_roman and is_letter else ("roman" if is_roman else "letter")
                return _Label(kind, value), text[m.end() :]
    return None, text


def _looks_like_heading(text: str, block: Block) -> bool:
    words = text.split(maxsplit=21)  # enough to tell a heading; a 20 MB paragraph is not split whole
    # A heading style or outline level counts only for short text that does not end like a paragraph:
    # some templates give body styles an outline level.
    marked = block.heading_level is not None or (
        block.style is not None and re.match(r"(heading|title|subtitle)", block.style, re.IGNORECASE)
    )
    if marked and words and len(words) <= 20 and text[-1] not in ",;":
        return True
    if not words or len(words) > 14 or text[-1] in ",;.":
        return False
    if leading_verb(text) and not (len(words) <= 6 and _NOUN_LIKE_HEADING().match(text)):
        return False
    return text[0].isupper() or text[0].isdigit()


def _starts_body(label: _Label | None, text: str) -> bool:
    if label is not None and label.kind == "decimal":
        return True
    if leading_verb(text) and text.rstrip()[-1:] in ";.:":
        return True
    return bool(preambular_opener(text)) and text.rstrip().endswith(",")


def bracket_spans(texts: list[str]) -> list[list[Span]]:
    """Outermost [square-bracketed] spans per paragraph. A bracket opened at the very start of a paragraph
    may close paragraphs later (a whole bracketed passage); any other unclosed bracket ends with its paragraph,
    so one stray '[' cannot swallow the rest of the draft."""
    spans: list[list[Span]] = [[] for _ in texts]
    stack: list[tuple[int, int]] = []
    for pi, text in enumerate(texts):
        for bracket in _BRACKET.finditer(text) if "[" in text or "]" in text else ():
            ch, ci = bracket.group(), bracket.start()
            if ch == "[":
                stack.append((pi, ci))
            elif ch == "]" and stack:
                opened_p, opened_c = stack.pop()
                if stack:
                    continue
                if opened_p == pi:
                    if not _PLACEHOLDER().match(text[opened_c + 1 : ci]):
                        spans[pi].append(Span(start=opened_c, end=ci + 1))
                else:
                    spans[opened_p].append(Span(start=opened_c, end=len(texts[opened_p])))
                    for mid in range(opened_p + 1, pi):
                        spans[mid].append(Span(start=0, end=len(texts[mid])))
                    spans[pi].append(Span(start=0, end=ci + 1))
        if stack:
            first_p, first_c = stack[0]
            opened_paragraph = first_p < pi or texts[first_p][:first_c].strip() == ""
            if not opened_paragraph:  # a bracket opened mid-paragraph ends with its paragraph
                spans[pi].append(Span(start=first_c, end=len(text)))
                stack.clear()
    for opened_p, opened_c in stack[:1]:  # never closed at all: close at the end of its own paragraph
        spans[opened_p].append(Span(start=opened_c, end=len(texts[opened_p])))
    return [sorted(s, key=_span_start) if len(s) > 1 else s for s in spans]


def _editorial(bracketed: str) -> bool:
    """'[to]', '[S/902]': one or two words in brackets, closed in the same paragraph. In a text the Council
    has adopted nothing is under negotiation: such brackets are the editor's, not unagreed text."""
    return bracketed.startswith("[") and bracketed.endswith("]") and len(bracketed[1:-1].split()) <= 2


def _span_start(span: Span) -> int:
    return span.start


_CONTENTS_LEADER = re.compile(r"(?:\. ?){4,}\s*\d*\s*$")


def _front_matter(texts: list[str]) -> FrontMatter:
    front = FrontMatter()
    for text in texts:
        if front.symbol is None and (m := _SYMBOL.search(text)):
            front.symbol = " ".join(m.group(0).split())
        if front.date is None and (m := _DATE.search(text)):
            front.date = m.group(0)
    # An adopted General Assembly resolution prints its title after its number: "73/8. Necessity of ..."
    front.title = next((m.group(1) for text in texts if (m := _NUMBERED_TITLE.match(text))), None)
    for text in texts if front.title is None else []:
        bare = _DATE.sub("", _SYMBOL.sub("", text)).strip(" -–,")
        if (
            bare
            and _TITLE_HINT.search(bare)
            and not re.match(r"(?i)^(united nations|security council)", bare)
            and not _CONTENTS_LEADER.search(bare)  # a line of the table of contents names a chapter
        ):
            front.title = bare
            break
    return front


class _Builder:
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
            self.annex_number, self.annex_part = 0, 1
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

    def add_operative(self, block: Block, text: str, label: _Label | None) -> None:
        if self.annex is not None:
            number = int(label.value) if label else self.annex_number + 1
            if number <= self.annex_number:
                self.annex_part += 1
            self.annex_number = number
        else:
            number = self.op_number = int(label.value) if label else self.op_number + 1
        para = self._add(
            block,
            self.numbered_kind,
            text,
            ref=self._unique(self._ref([str(number)])),
            number=[str(number)],
            label=f"{number}.",
        )
        self.path = [("decimal", str(number), para.index)]

    def _sub_kind(self, label: _Label) -> str:
        """Letter or roman for '(i)', '(v)', '(x)', '(ii)': after '(h)' an '(i)' is a letter; '(i)' otherwise
        opens a roman list; later ones continue whichever list is open."""
        if label.kind != "ambiguous":
            return label.kind
        letter = next((v for k, v, _ in reversed(self.path) if k == "letter"), None)
        roman = self.path[-1][1] if self.path and self.path[-1][0] == "roman" else None
        if roman is not None and _roman_value(label.value) == _roman_value(roman) + 1:
            return "roman"
        if letter is not None and _letter_value(label.value) == _letter_value(letter) + 1:
            return "letter"
        if label.value == "ii" and self.path and self.path[-1][:2] == ("letter", "i"):
            return "roman"  # the '(i)' before was the first of a roman list after all
        return "roman" if label.value == "i" or len(label.value) > 1 else "letter"

    def add_sub(self, block: Block, text: str, label: _Label) -> None:
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
            and _roman_value(label.value) == _roman_value(category[1]) + 1
        ):
            self.path = self.path[:1]  # the next category heading: '(ii)' after '(i)' and its tasks
        base = [entry for entry in self.path if entry[0] in ("decimal", "list", "category")]
        if kind == "roman":
            base = [entry for entry in self.path if entry[0] in ("decimal", "list", "category", "letter")]
        numbering = base[-1][2] if base else None
        # A category is a heading of the tasks under it, not their lead-in: they stay the OP's own tasks.
        parent = self.paragraphs[numbering].parent if base and base[-1][0] == "category" else numbering
        # An annex list that starts at '(a)': its items are the annex's own paragraphs.
        number = [label.value] if numbering is None else [*self.paragraphs[numbering].number, label.value]
        para = self._add(
            block,
            self.numbered_kind,
            text,
            ref=self._unique(self._ref(number)),
            number=number,
            label=f"({label.value})",
            parent=parent,
        )
        self.path = [*base, (kind, label.value, para.index)]

    def add_numbered_item(self, block: Block, text: str, label: _Label) -> None:
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

    def add_continuation(self, block: Block, text: str) -> None:
        """Unnumbered text inside an operative paragraph (a bullet, a second paragraph): part of it."""
        prev = self.paragraphs[-1]
        self._add(block, prev.kind, text, ref=prev.ref, number=prev.number, parent=prev.index)


def _shift_changes(block: Block, text: str) -> list[Change]:
    """A block's tracked changes in the paragraph's text, which is the block's without its typed number."""
    if not block.changes or not block.text.endswith(text):
        return []
    shift = len(block.text) - len(text)
    return [
        c.model_copy(update={"start": max(c.start - shift, 0), "end": max(c.end - shift, 0)})
        for c in block.changes
        if c.end > shift or (c.kind == "delete" and c.start >= shift)
    ]


def _remains_seized(text: str) -> bool:
    """'Decides to remain (actively) seized of the matter' in the paragraph's first 120 characters."""
    head = text[:120]
    # The case-insensitive search tries every position; ASCII text without the word needs none of them.
    if head.isascii() and "seized" not in head.lower():
        return False
    return _SEIZED.search(head) is not None


def _opens_operative(text: str, builder: _Builder) -> bool:
    """An unnumbered paragraph opening with a verb is an OP, unless it is the end of the OP above, after
    its list ('confirms it will keep ... under review;'), or, before the first OP, it ends like a preambular
    paragraph ('Takes note of ..., ' where 'Taking note' was meant)."""
    if (text[:1].islower() or text[:1] in "\"'“‘«") and builder.op_number > 0:
        return False  # quoted text ('“Authorises the mission ...”') is a paragraph an OP amends
    return builder.op_number > 0 or not text.rstrip().endswith(",")


def _continues_ops(label: _Label | None, op_number: int) -> bool:
    return label is not None and label.kind == "decimal" and int(label.value) == op_number + 1


def _restarts_under_lead_in(builder: _Builder, label: _Label) -> bool:
    """A typed '1.' after OP 3 whose lead-in ends in a colon: an item of OP 3's list."""
    if not builder.path or int(label.value) > builder.op_number:
        return False
    top = builder.paragraphs[builder.path[0][2]]
    return top.kind is Kind.operative and top.text.rstrip().endswith(":")


def _add_numbered(builder: _Builder, block: Block, text: str, label: _Label) -> None:
    """A numbered paragraph of an annex: '1.' starts a paragraph, '(a)' and '(i)' go under it."""
    if label.kind == "decimal":
        builder.add_operative(block, text, label)
    else:
        builder.add_sub(block, text, label)


def build(blocks: list[Block], fmt: str, path: str | None = None) -> Document:
    builder = _Builder()
    labelled = [_label_of(b) for b in blocks]
    opening = next((i for i, b in enumerate(blocks) if _OPENING.match(b.text.strip())), None)
    if opening is None:
        opening = next((i - 1 for i, (lab, text) in enumerate(labelled) if _starts_body(lab, text)), -1)
    closed = False
    for i, (block, (label, text)) in enumerate(zip(blocks, labelled, strict=True)):
        text = text.strip()
        if not text:  # an emptied paragraph: its number (if any) was counted, its text is gone
            continue
        in_ops = builder.op_number > 0
        annex_heading = _ANNEX.match(text) if label is None and len(text) <= 200 else None
        if i > opening and annex_heading and (in_ops or closed):
            kind, number = annex_heading.group(1), annex_heading.group(2)
            builder.start_annex(block, text, f"{kind.capitalize()} {number}" if number else kind.capitalize())
        elif i <= opening:
            builder.add_front(block, text)
        elif builder.annex is None and closed and not _continues_ops(label, builder.op_number):
            # After "Decides to remain seized of the matter." only a next OP number is operative text.
            builder.start_annex(block, text, None)
            if label is not None and label.kind != "bullet":
                builder.paragraphs.pop()
                _add_numbered(builder, block, text, label)
        elif builder.annex is not None:
            if label is not None and label.kind != "bullet":
                _add_numbered(builder, block, text, label)
            else:
                builder.add_annex_text(block, text)
        elif label is not None and label.kind == "decimal" and _restarts_under_lead_in(builder, label):
            builder.add_numbered_item(block, text, label)
        elif label is not None and label.kind == "decimal":
            builder.add_operative(block, text, label)
        elif label is not None and label.kind != "bullet" and in_ops:
            builder.add_sub(block, text, label)
        elif (label is None and _SECTION_MARK.match(text) and len(text.split(maxsplit=15)) <= 14) or (
            label is None and _looks_like_heading(text, block)
        ):
            builder.add_heading(block, text)
        elif label is None and leading_verb(text) and _opens_operative(text, builder):
            builder.add_operative(block, text, None)
        elif in_ops or (label is not None and builder.paragraphs and builder.pp_count):
            builder.add_continuation(block, text)
        else:
            builder.add_preambular(block, text)
        if (
            builder.paragraphs
            and builder.paragraphs[-1].kind is Kind.operative
            and (_remains_seized(text) or _ADOPTS_TEXT.match(text))
        ):
            closed = True
    paragraphs = builder.paragraphs
    front_texts = [p.text for p in paragraphs if p.kind is Kind.front_matter][:12]
    adopted = any(_ADOPTED.search(text) for text in front_texts)
    for para, spans in zip(paragraphs, bracket_spans([p.text for p in paragraphs]), strict=True):
        if adopted and spans:
            spans = [s for s in spans if not _editorial(para.text[s.start : s.end])]
        _set(para, brackets=spans)
    _assign_verbs(paragraphs)  # after the brackets: a verb in brackets is not agreed
    front = _front_matter(front_texts)
    warnings = []
    if paragraphs and not any(p.kind is Kind.operative for p in paragraphs):
        warnings.append("no operative paragraphs: nothing in this text can meet a recommendation")
    pending = sum(b.revisions for b in blocks)
    return Document(path=path, format=fmt, front=front, paragraphs=paragraphs, warnings=warnings,
                    pending_changes=pending)  # fmt: skip


def _set(para: Paragraph, **values: object) -> None:
    """Set fields as pydantic's own __setattr__ does on Paragraph (not frozen, assignments not validated),
    without its dispatch on every call: every paragraph gets its brackets, every OP its verbs."""
    para.__dict__.update(values)
    para.model_fields_set.update(values)


def _list_verb(lead_in: Paragraph) -> VerbUse:
    """The verb that governs the items of a list an OP announces: the one whose clause announces it ('Decides
    that the mandate shall include the following tasks, further stresses ..., and stresses ...:' → Decides),
    else the last before the colon ('Welcomes ... and requests the Mission to:' → requests)."""
    uses = lead_in.verbs
    for use, after in zip(uses, [*uses[1:], None], strict=True):
        end = after.start if after is not None else len(lead_in.text)
        if _ANNOUNCES_LIST.search(lead_in.text, use.start, end):
            return use
    return uses[-1]


def _at_start(use: VerbUse) -> VerbUse:
    """An inherited verb stands, for the paragraph that inherits it, at its start."""
    return use if use.start == 0 else use.model_copy(update={"start": 0})


def _bracketed(use: VerbUse, para: Paragraph) -> VerbUse:
    """The verb use marked bracketed if it stands in the paragraph's brackets (a copy only then: a verb
    found is not bracketed, and most verbs are not)."""
    if para.brackets and para.in_brackets(use.start, use.start + len(use.verb)):
        return use.model_copy(update={"bracketed": True})
    return use


def _assign_verbs(paragraphs: list[Paragraph]) -> None:
    lead_in: Paragraph | None = None  # the last OP whose text announces a list (ends in a colon)
    # The verb a lead-in gives its items, by the lead-in's index: found once, not again for every item.
    inherited: dict[int, VerbUse] = {}

    def inherit(source: Paragraph) -> VerbUse:
        if (use := inherited.get(source.index)) is None:
            use = inherited[source.index] = _at_start(_list_verb(source))
        return use

    for para in paragraphs:
        if para.kind is not Kind.operative:
            continue
        parent = paragraphs[para.parent] if para.parent is not None else None
        # A sub-paragraph's own verb opens it: '(c) Supporting the peace process:' is a title, and a task
        # ('To provide ..., notes') has no verb of its own before its list's.
        own = governing_verb(para.text) if parent is None else leading_verb(para.text)
        if own is None and parent is not None and parent.verbs:
            # "Welcomes ... and requests the Mission to:" governs (a) by "requests"; "Decides that the
            # mission shall have the following mandate, authorizes ..., and stresses ...:" by "Decides".
            own = inherit(parent)
            _set(para, verb_inherited=True)
        elif own is None and parent is None and lead_in is not None and lead_in.verbs:
            # "30. Ensure the protection of United Nations personnel;" printed as an OP of its own, a task of
            # the list OP 29 announced ("Decides that the mandate shall include the following tasks:").
            own = inherit(lead_in)
            _set(para, verb_inherited=True)
        elif own is not None:
            own = _bracketed(own, para)
        if own is None:
            continue
        later = coordinated_verbs(para.text, own.start + len(own.verb) if not para.verb_inherited else 0)
        _set(
            para, verb=own.verb, verb_class=own.verb_class, verbs=[own, *(_bracketed(v, para) for v in later)]
        )
        if parent is None:
            lead_in = para if para.text.rstrip().endswith(":") else None
