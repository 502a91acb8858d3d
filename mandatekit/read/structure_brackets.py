"""Square brackets in a draft: text in brackets is under negotiation, not agreed. A bracket may span
paragraphs; a placeholder of model language ('[UN Mission]') is a name to fill in, not unagreed text; in an
adopted text one or two words in brackets are the editor's.
"""

from __future__ import annotations

import re

from mandatekit.read.model import Span
from mandatekit.read.verbs import lazily

_BRACKET = re.compile(r"[\[\]]")
# A Markdown link, as a text copied from a web page or exported from a PDF keeps it: the words in brackets are
# the link's text, followed at once by its address in parentheses.
_LINK_TARGET = re.compile(r"\((?:https?://|www\.)")
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
                if stack or _LINK_TARGET.match(text, ci + 1):
                    continue  # a link's text ('[resolution 2428 (2018)](https://...)') is no bracket
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


# Paragraph numbers or a note's number in brackets: '[5, 6, 7, and 8]', '[142]'.
_NUMBERS_ONLY = re.compile(
    r"\s*\d{1,4}(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|to\s+|[-–]\s*)\d{1,4})*\s*"
)


def is_editorial(bracketed: str) -> bool:
    """'[to]', '[S/902]', '[5, 6, 7, and 8]': one or two words, or numbers only, in brackets closed in the same
    paragraph. In a text the Council has adopted nothing is under negotiation: such brackets are the editor's
    (a word supplied, a document's symbol, a note's number, the paragraphs referred to), not unagreed text."""
    if not (bracketed.startswith("[") and bracketed.endswith("]")):
        return False
    inner = bracketed[1:-1]
    return len(inner.split()) <= 2 or _NUMBERS_ONLY.fullmatch(inner) is not None


def _span_start(span: Span) -> int:
    return span.start
