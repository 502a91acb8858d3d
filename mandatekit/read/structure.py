"""Turn the flat blocks a format reader produces into a `Document`.

Every format ends here, so every format gets the same references: front matter up to "The Security
Council,", then preambular paragraphs (PP 1, PP 2 ...), then operative paragraphs numbered 1., 2. with
sub-paragraphs (a), (b) and (i), (ii) (OP 35(a)(i)), grouped under unnumbered headings. Numbers come from
Word's automatic numbering (rendered by the .docx reader into `Block.label`) or from the text itself.

The parts: structure_labels reads a block's number, structure_builder gives references, structure_brackets
finds the text under negotiation, structure_front the symbol, date and title, structure_verbs the verbs
that govern each OP. This module decides what each block is (front matter, PP, heading, OP, sub-paragraph,
annex) and puts the parts together.
"""

from __future__ import annotations

import re

from mandatekit.language import paragraph_in
from mandatekit.read.model import Block, Document, Kind
from mandatekit.read.structure_brackets import bracket_spans, is_editorial
from mandatekit.read.structure_builder import Builder
from mandatekit.read.structure_front import read_front_matter
from mandatekit.read.structure_labels import Label, label_of
from mandatekit.read.structure_verbs import assign_verbs, set_fields
from mandatekit.read.verbs import lazily, leading_verb, preambular_opener

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
_SECTION_MARK = re.compile(r"^(?:[A-Z]|[IVX]{1,4})\.\s+(?=[A-Z])")  # "A. Political process"
# The vote record that closes a resolution in the Council's volumes ("Adopted at the 2074th meeting by 12 votes
# to none"): what follows is another decision or resolution of the volume, not this one's operative text.
_VOTE = r"Adopted\s+(?:unanimously\s+|without\s+a\s+vote\s+)?at\s+the\s+\d+\w*\s+meeting\b"
_VOTE_RECORD = re.compile("^" + _VOTE, re.IGNORECASE)
# The text as adopted, as its header or its place in the Council's volumes shows: "Adopted by the Security Council
# at its 9512th meeting", "S/RES/2717 (2023)" (or "United Nations S/RES/2717 (2023)" on a PDF's masthead),
# "Resolution 690 (1991)", "47 (1948). Resolution of 21 April 1948", "Resolution adopted by the General
# Assembly", a vote record ("Adopted unanimously at the 3016th meeting"), a volume's title ("RESOLUTIONS ADOPTED
# AND DECISIONS TAKEN BY THE SECURITY COUNCIL"). A draft is a "draft resolution" and carries none of them.
_ADOPTED = re.compile(
    r"^(?:#+\s*)?(?:"
    r"Adopted\s+by\s+the\s+(?:Security\s+Council|General\s+Assembly)\b|(?:United\s+Nations\s+)?[SA]/RES/\d"
    r"|Resolution\s+\d{1,5}\s*\(\d{4}\)\s*$|\d{1,5}\s*\(\d{4}\)\.\s+Resolution\s+of\b"
    r"|Resolutions?\s+adopted\s+(?:and\s+decisions\s+taken\s+)?by\s+the\s+(?:Security\s+Council|General\s+Assembly)\b"
    rf"|{_VOTE})",
    re.IGNORECASE,
)
# "Tasks by order of priority", "Requests for exemptions": a verb's spelling used as a noun in a heading.
_NOUN_LIKE_HEADING = lazily(r"^\w+\s+(?:by|of|for|and|under|in)\b[^;:.,]*$", re.IGNORECASE)


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


def _starts_body(label: Label | None, text: str) -> bool:
    if label is not None and label.kind == "decimal":
        return True
    if leading_verb(text) and text.rstrip()[-1:] in ";.:":
        return True
    return bool(preambular_opener(text)) and text.rstrip().endswith(",")


def _remains_seized(text: str) -> bool:
    """'Decides to remain (actively) seized of the matter' in the paragraph's first 120 characters."""
    head = text[:120]
    # The case-insensitive search tries every position; ASCII text without the word needs none of them.
    if head.isascii() and "seized" not in head.lower():
        return False
    return _SEIZED.search(head) is not None


def closes_operative_part(text: str) -> bool:
    """An OP after which only a next OP number is operative text: 'Decides to remain seized of the matter.',
    'Adopts the following declaration:' (what follows is an annex)."""
    return _remains_seized(text) or _ADOPTS_TEXT.match(text) is not None


def _opens_operative(text: str, builder: Builder) -> bool:
    """An unnumbered paragraph opening with a verb is an OP, unless it is the end of the OP above, after
    its list ('confirms it will keep ... under review;'), or, before the first OP, it ends like a preambular
    paragraph ('Takes note of ..., ' where 'Taking note' was meant)."""
    if (text[:1].islower() or text[:1] in "\"'“‘«") and builder.op_number > 0:
        return False  # quoted text ('“Authorises the mission ...”') is a paragraph an OP amends
    return builder.op_number > 0 or not text.rstrip().endswith(",")


def _continues_ops(label: Label | None, op_number: int) -> bool:
    # '3 bis.' after OP 3 (or after OP 3 bis): a paragraph inserted there, which renumbers nothing
    return (
        label is not None
        and label.kind == "decimal"
        and int(label.value) == op_number + (0 if label.suffix else 1)
    )


def _restarts_under_lead_in(builder: Builder, label: Label) -> bool:
    """A typed '1.' after OP 3 whose lead-in ends in a colon: an item of OP 3's list."""
    if not builder.path or int(label.value) > builder.op_number or label.suffix:
        return False  # '2 bis.' is a paragraph inserted after OP 2, not an item of its list
    top = builder.paragraphs[builder.path[0][2]]
    return top.kind is Kind.operative and top.text.rstrip().endswith(":")


def _add_numbered(builder: Builder, block: Block, text: str, label: Label) -> None:
    """A numbered paragraph of an annex: '1.' starts a paragraph, '(a)' and '(i)' go under it."""
    if label.kind == "decimal":
        builder.add_operative(block, text, label)
    else:
        builder.add_sub(block, text, label)


_TRANSLATED_MIN = 3  # paragraphs of eight words or more in the other language: a text printed in two


def _translations(blocks: list[Block], labelled: list[tuple[Label | None, str]], opening: int) -> set[int]:
    """The Council's early volumes print the French text beside the English, paragraph by paragraph ('1.
    Calls upon all Member States ...', then '1. Invite tous les Etats Membres ...'): in a resolution opened
    by 'The Security Council,', the paragraphs in French are its translation, not paragraphs of its own (an
    'OP 1 (2)' naming no paragraph of the text). Only in a text that has several: a draft quoting a French
    title stays whole."""
    if opening < 0 or not _OPENING.match(blocks[opening].text.strip()):
        return set()
    if not paragraph_in("en", blocks[opening].text):
        return set()
    french = {i for i in range(opening + 1, len(blocks)) if paragraph_in("fr", labelled[i][1])}
    long = sum(1 for i in french if len(labelled[i][1].split(maxsplit=8)) > 8)
    return french if long >= _TRANSLATED_MIN else set()


# Where a paragraph in the other language may end and the cut English text go on: a full stop, a closing
# bracket or parenthesis, then a word in lower case ('... vol. 397 (1961), no 5712]. and the Governments of').
_SENTENCE_END = re.compile(r"[.;\])]\s+(?=[a-z])")
_OPEN_END = re.compile(r"[^\W_]\s*$")  # ends on a letter or a figure: the sentence goes on elsewhere


def _rejoin_cut_paragraphs(labelled: list[tuple[Label | None, str]], translations: set[int]) -> None:
    """A bilingual volume breaks its pages column by column: an English OP cut at a page's foot ('7.
    Recommends further that the Secretary-General designate, in agreement with the Government of Cyprus')
    goes on after the French page, glued to the French page's last line (its footnote: '5 Traité de garantie
    [...], no 5712]. and the Governments of Greece, ..., a mediator, who shall ...'). The English tail is put
    back at the end of the OP it continues, so that the OP is read whole, and the French head joins the
    translation. Only where an English OP was left open (ending on a word, not on ';', '.', ':' or ','), and
    only the first such tail after it."""
    open_op: int | None = None
    for i, (label, text) in enumerate(labelled):
        if label is not None and label.kind == "decimal" and i not in translations:
            open_op = i if _OPEN_END.search(text) else None
        elif open_op is not None:
            for cut in _SENTENCE_END.finditer(text):
                head, tail = text[: cut.start() + 1], text[cut.end() :]
                if paragraph_in("fr", head) and paragraph_in("en", tail):
                    op_label, op_text = labelled[open_op]
                    labelled[open_op] = (op_label, f"{op_text.rstrip()} {tail.strip()}")
                    labelled[i] = (label, head)
                    translations.add(i)
                    open_op = None
                    break


def build(blocks: list[Block], fmt: str, path: str | None = None) -> Document:
    builder = Builder()
    labelled = [label_of(b) for b in blocks]
    opening = next((i for i, b in enumerate(blocks) if _OPENING.match(b.text.strip())), None)
    if opening is None:
        opening = next((i - 1 for i, (lab, text) in enumerate(labelled) if _starts_body(lab, text)), -1)
    translations = _translations(blocks, labelled, opening)
    if translations:
        _rejoin_cut_paragraphs(labelled, translations)
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
        elif i in translations:
            builder.add_annex_text(block, text)  # the translation beside it: never numbered, never judged
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
        elif in_ops and label is None and _VOTE_RECORD.match(text):
            builder.start_annex(block, text, None)  # the resolution is over: the rest of the volume follows
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
            builder.add_continuation(block, text, label)
        else:
            builder.add_preambular(block, text)
        if (
            builder.paragraphs
            and builder.paragraphs[-1].kind is Kind.operative
            and closes_operative_part(text)
        ):
            closed = True
    paragraphs = builder.paragraphs
    front_texts = [p.text for p in paragraphs if p.kind is Kind.front_matter][:12]
    adopted = any(_ADOPTED.match(p.text[:200]) for p in paragraphs if p.kind is Kind.front_matter)
    for para, spans in zip(paragraphs, bracket_spans([p.text for p in paragraphs]), strict=True):
        if adopted and spans:
            # The header of an adopted text is the editor's ('[without reference to a Main Committee
            # (A/73/L.4)]' under a General Assembly resolution's title): nothing in it was negotiated.
            front = para.kind is Kind.front_matter
            spans = [s for s in spans if not front and not is_editorial(para.text[s.start : s.end])]
        set_fields(para, brackets=spans)
    assign_verbs(paragraphs)  # after the brackets: a verb in brackets is not agreed
    front = read_front_matter(front_texts)
    warnings = []
    if paragraphs and not any(p.kind is Kind.operative for p in paragraphs):
        warnings.append("no operative paragraphs: nothing in this text can meet a recommendation")
    pending = sum(b.revisions for b in blocks)
    return Document(path=path, format=fmt, front=front, paragraphs=paragraphs, warnings=warnings,
                    pending_changes=pending)  # fmt: skip
