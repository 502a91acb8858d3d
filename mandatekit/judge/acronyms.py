"""What a text says its acronyms stand for, and whether that is what a rule means by them.

A rule that matches 'ICC' means the International Criminal Court (its `acronyms` say so). A text on piracy
that writes "the Interregional Coordination Centre (ICC)" and later "commends the work of the ICC" means its
own centre: an acronym means what THE TEXT spells it out as. Where the text spells it out only as other
words, its matches of the acronym do not count for the rule; where it spells it out as the rule's words, or
never spells it out, they do."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from mandatekit.rulebook.latin1 import searched_text
from mandatekit.rulebook.patterns import compile_regex, keeps_programs, phrase_to_regex

# The words spelling an acronym out stand before it, in the same sentence and clause, and are few: a long
# name ("Human Rights Due Diligence Policy on United Nations support to non-United Nations security forces")
# is some fifteen words.
DEFINITION_WORDS = 20
_CLAUSE_END = re.compile(r"[;:]|\.\s")


@lru_cache(maxsize=256)
def _defined(acronym: str) -> re.Pattern[str]:
    """'(ICC)', '("ICC")', '(the "ICC")', '(hereinafter ICC)': the acronym, alone in parentheses."""
    quote = "[\"'\u2018\u2019\u201c\u201d]?"
    return re.compile(rf"\(\s*(?:the\s+|hereinafter\s+(?:the\s+)?)?{quote}{re.escape(acronym)}{quote}\s*\)")


def spelt_out(texts: Iterable[str], acronym: str) -> list[str]:
    """The words before each place the texts spell the acronym out: up to DEFINITION_WORDS words, back to
    the start of their sentence or clause."""
    out = []
    for text in texts:
        if acronym not in text:
            continue
        for m in _defined(acronym).finditer(text):
            before = text[: m.start()]
            ends = list(_CLAUSE_END.finditer(before))
            if ends:
                before = before[ends[-1].end() :]
            out.append(" ".join(before.split()[-DEFINITION_WORDS:]))
    return out


@keeps_programs  # batch.py's `forget_programs` drops their DFA memory too
@lru_cache(maxsize=256)
def _program(phrase: str) -> Any:  # an RE2 program (`compile_regex`)
    """The rule's phrase compiled, kept for every text that spells an acronym out."""
    return compile_regex(phrase_to_regex(phrase))


def means_otherwise(definitions: list[str], phrase: str) -> bool:
    """Whether the text spells the acronym out, and never as words the rule's phrase matches."""
    if not definitions:
        return False
    program = _program(phrase)
    return not any(program.search(searched_text(program, words)) for words in definitions)


def acronyms_in(text: str, acronyms: Iterable[str]) -> list[str]:
    """The acronyms that stand in the text as words of their own (capitals, a plural s allowed)."""
    return [a for a in acronyms if a in text and re.search(rf"(?<![\w-]){re.escape(a)}s?(?![\w-])", text)]
