"""The phrase language of rule files, compiled to RE2 (linear time: no pattern can hang the checker).

    protect civilians            words in order, any case; each word also matches its inflections:
                                 protect → protects, protected, protecting, protection, protective
    =report                      exactly this word, no inflections
    HRDDP, SOFA                  ALL-CAPS words are acronyms: capitals only (a plural s allowed)
    accountab*                   any ending
    (national|state) forces      alternatives, each itself a phrase; (...)? makes a group optional
    protect ... civilians        up to 8 words in between (never across a semicolon)
    non-UN                       a hyphen also matches a space or nothing
    {national_forces}            the words a profile gives for it (`pattern_words`): any of them, as a
                                 group; {mission}'s adds 's to each (see `expand_placeholders`)

Words are separated by spaces and punctuation in the text (commas, quotes, parentheses), never by a
semicolon: a semicolon ends a clause in a resolution.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from mandatekit.rulebook.latin1 import PAST_LATIN1

GAP_WORDS = 8
# An acronym as a rule's `acronyms` names it: capitals only (the phrase language matches ALL-CAPS words so).
ACRONYM = re.compile(r"[A-Z]{2,}")
_SEP = r"[^\w;]+"
_GAP = rf"(?:{_SEP}[\w'-]+){{0,{GAP_WORDS}}}?"
_TOKEN = re.compile(r"\.\.\.|\(|\)\??|\||[^\s()|]+")
_VOWELS = set("aeiou")


# Bounds that keep every rule inside what RE2 compiles (its program memory is capped below) and what the
# phrase compiler walks: refused by `rules validate` and at load, never discovered while judging.
MAX_PATTERNS = 1000  # phrases + regex entries of one element or exclusion
MAX_SOURCE = 300_000  # characters of the combined RE2 program's source
MAX_GROUP_DEPTH = 10  # (nested (groups)) in one phrase
# Text that an ordinary pattern cannot match with zero characters but an empty-matching one does.
_EMPTY_PROBES = ("", " ", "  a b, c-d; E 1 . é (x) ", "a", "-")


class PatternError(ValueError):
    """A phrase or regex in a rule file that cannot be compiled; the message says why."""


def _inflect(word: str) -> str:
    """Regex for a word and its common English inflections."""
    w = word.lower()
    esc = re.escape(w).replace(r"\-", "[- ]?")
    if len(w) <= 3 or not w.isalpha():
        return esc + "(?:s|es)?"
    last = w[-1]
    # Suffix groups are factored by hand: the same words as a flat list, a smaller RE2 program to compile.
    if last == "e":
        return re.escape(w[:-1]) + "(?:e[sdr]?|ers|ing|(?:at)?ions?|ements?|ive(?:ly)?|ity)?"
    if last == "y" and w[-2] not in _VOWELS:
        return re.escape(w[:-1]) + "(?:y|ie[sd]|ying|ications?|ian[ct]e?|ily)"
    doubled = f"{re.escape(last)}?" if last not in _VOWELS else ""
    return esc + f"(?:{doubled}(?:e?[sd]|ing|(?:at)?ions?|ments?|ive(?:ly)?|ly|it(?:y|ies)|al(?:ly)?|ers?|[ae]n(?:ce|t)))?"  # fmt: skip


def _word(token: str) -> str:
    if token.startswith("="):
        return re.escape(token[1:]).replace(r"\-", "[- ]?")
    if token.endswith("*") and len(token) > 1:
        return re.escape(token[:-1]).replace(r"\-", "[- ]?") + r"\w*"
    letters = token.replace("-", "").replace(".", "")
    if len(letters) >= 2 and letters.isalpha() and letters.isupper():
        return f"(?-i:{re.escape(token)}s?)"
    if not re.fullmatch(r"[\w'-]+", token):
        raise PatternError(f"'{token}' is not a word: use letters, digits, ' and - (or a regex: entry)")
    return _inflect(token)


# A phrase parsed once, for both its regex and what its matches need: a sequence of items, each a word
# token, the gap marker "...", or a group (its alternatives, each a sequence, and whether it is optional).
Item = tuple[Any, ...]
_GAP_ITEM: Item = ("...",)


def _parse(tokens: list[str], pos: int, phrase: str) -> tuple[list[Item], int]:
    """The items from `pos` up to a closing ')' or '|' at this level."""
    items: list[Item] = []
    while pos < len(tokens):
        token = tokens[pos]
        if token == "|" or token.startswith(")"):
            break
        pos += 1
        if token == "...":
            items.append(_GAP_ITEM)
        elif token == "(":
            alternatives = []
            while True:
                alternative, pos = _parse(tokens, pos, phrase)
                alternatives.append(alternative)
                if pos >= len(tokens):
                    raise PatternError(f"'(' is never closed in '{phrase}'")
                if tokens[pos] == "|":
                    pos += 1
                    continue
                break
            items.append(("(", alternatives, tokens[pos] == ")?"))
            pos += 1
        else:
            items.append((token,))
    return items, pos


@lru_cache(maxsize=4096)
def _parsed(phrase: str) -> tuple[list[str], list[Item], int]:
    """The phrase's tokens, its items, and where they end (short of the last token: something unexpected)."""
    tokens = _TOKEN.findall(phrase.strip())
    items, pos = _parse(tokens, 0, phrase)
    return tokens, items, pos


def _regex(items: list[Item], phrase: str) -> str:
    """The regex of a sequence of items: words joined by a separator, which '...' widens into a gap."""
    out, pending_gap = "", False
    for item in items:
        if item is _GAP_ITEM:
            pending_gap = True
            continue
        optional = False
        if item[0] == "(":
            alternatives = []
            for alternative in item[1]:
                regex = _regex(alternative, phrase)
                if not regex:
                    raise PatternError(f"empty alternative in '{phrase}'")
                alternatives.append(regex)
            piece, optional = f"(?:{'|'.join(alternatives)})", item[2]
        else:
            piece = _word(item[0])
        if out:
            sep = _GAP + _SEP if pending_gap else _SEP
            # An optional group takes its separator with it, so leaving it out leaves one separator.
            out += f"(?:{sep}{piece})?" if optional else sep + piece
        elif not optional:  # a leading optional group cannot change whether the phrase matches
            out = piece
        pending_gap = False
    return out


def phrase_to_regex(phrase: str) -> str:
    tokens = _TOKEN.findall(phrase.strip())
    if not tokens:
        raise PatternError("empty phrase")
    depth = 0
    for token in tokens:
        depth += (token == "(") - token.startswith(")")
        if depth > MAX_GROUP_DEPTH:
            raise PatternError(f"groups nested more than {MAX_GROUP_DEPTH} deep in '{phrase[:60]}'")
    if tokens.count("(") != sum(t.startswith(")") for t in tokens):
        raise PatternError(f"unbalanced parentheses in '{phrase}'")
    _, items, pos = _parsed(phrase)
    body = _regex(items, phrase)
    if pos != len(tokens):
        raise PatternError(f"unexpected '{tokens[pos]}' in '{phrase}'")
    if tokens[0] == "..." or tokens[-1] == "...":
        raise PatternError(f"'...' must stand between words in '{phrase}'")
    if not body:
        raise PatternError(f"'{phrase}' can match no words at all: every text would meet it")
    return rf"\b{body}\b"


_LEADING_WORD_CHARS = re.compile(r"[a-z0-9]*")

# What every match of a phrase needs, worked out once per phrase: a tuple of requirements, all needed. A
# requirement is a word start (str: the words of the text are asked whether one starts so) or a tuple of
# alternatives, one of which is needed (each itself such a tuple). Optional groups need nothing.
Needs = tuple[Any, ...]


@lru_cache(maxsize=4096)
def phrase_needs(phrase: str) -> Needs | None:
    """What every match of the phrase needs, or None if it could match any text.

    A word is asked by its start: lowercase ASCII letters and digits as written, less the last letter,
    which an inflection may change (e → ing). In the phrase's program every word follows a word boundary
    or a separator, so it starts a word of the text as RE2 sees words (ASCII). A phrase with a character
    past ÿ compiles to a UTF-8 program, whose words differ: it could always match; so could a malformed
    phrase (refused at load)."""
    if PAST_LATIN1.search(phrase):
        return None
    try:
        tokens, items, pos = _parsed(phrase)
    except PatternError:
        return None
    return _needs(items) if pos == len(tokens) else None


def _needs(items: list[Item]) -> Needs:
    needs: list[Any] = []
    for item in items:
        if item is _GAP_ITEM:
            continue
        if item[0] == "(":
            alternatives = [_needs(alternative) for alternative in item[1]]
            # An optional group needs nothing; nor does one with an alternative that needs nothing.
            if not item[2] and all(alternatives):
                either = _either(alternatives)
                needs.extend(either[0]) if len(either) == 1 else needs.append(either)
            continue
        start = _LEADING_WORD_CHARS.match(item[0].lower().removeprefix("=")).group()[:-1]  # type: ignore[union-attr]
        if len(start) >= _SELECTIVE:
            needs.append(start)
    return tuple(needs)


# A start of one letter (of "of", "to", "a") is in nearly every text: asking about it costs more than it
# rules out, so it is not asked (a phrase is said to need less than it does: never more).
_SELECTIVE = 2


def _either(alternatives: list[Needs]) -> tuple[Needs, ...]:
    """A group's alternatives, less those that need more than another one: (perpetrator|perpetrators)
    needs 'perpetrato' or 'perpetrator', and every word with the second start has the first."""
    single = {a[0] for a in alternatives if len(a) == 1 and isinstance(a[0], str)}
    kept = []
    for a in dict.fromkeys(alternatives):
        if len(a) == 1 and isinstance(a[0], str) and any(a[0][:n] in single for n in range(1, len(a[0]))):
            continue
        kept.append(a)
    return tuple(kept)


def needs_met(needs: Needs, where: Callable[[str], int], everywhere: int) -> int:
    """The places (bits of an int: paragraphs, or 1 for the whole text) where all the needs are met, given
    `where(start)`: the places holding a word with that start."""
    places = everywhere
    for need in needs:
        if isinstance(need, str):
            places &= where(need)
        else:
            some = 0
            for alternative in need:
                if len(alternative) == 1 and isinstance(alternative[0], str):  # most: one word
                    some |= where(alternative[0])
                else:
                    some |= needs_met(alternative, where, everywhere)
            places &= some
        if not places:
            break
    return places


def could_match(phrase: str, starts_a_word: Callable[[str], bool]) -> bool:
    """False only if the phrase cannot match a text: some word that every match holds (outside optional
    groups; in a group, one of its alternatives) is absent, by its start (`phrase_needs`)."""
    needs = phrase_needs(phrase)
    return needs is None or bool(needs_met(needs, lambda start: int(starts_a_word(start)), 1))


def _options(latin1: bool = False) -> Any:
    import re2

    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # errors are reported to the rule author, not printed by RE2
    options.max_mem = 64 << 20
    if latin1:
        options.encoding = re2.Options.Encoding.LATIN1
    return options


# A regex that names characters past ÿ, or Unicode classes, needs UTF-8 mode (a false alarm only costs speed).
_NEEDS_UTF8 = re.compile(r"[^\x00-\xff]|\\[pPxC]")


@lru_cache(maxsize=4096)
def compile_regex(regex: str) -> Any:
    """Compiled case-insensitive. In Latin-1 mode when the regex allows it (search with `as_latin1(text)`,
    recognizable by its bytes `pattern`): the same matches as in UTF-8 mode, from a program half the size
    (a class such as [^\\w;] is one byte range, not a tree of UTF-8 sequences), quicker to compile and
    to search. Otherwise UTF-8 mode: search UTF-8 bytes."""
    import re2

    if not _NEEDS_UTF8.search(regex):
        try:
            return re2.compile(regex.encode("latin-1"), _options(latin1=True))
        except re2.error:
            pass  # UTF-8 mode says what is wrong, in the words the rule author knows
    try:
        return re2.compile(regex, _options())
    except re2.error as exc:
        message = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise PatternError(f"invalid regex '{regex}': {message}{_unsupported(regex)}") from exc


# constructs of Perl or Python regexes RE2 does not have (it keeps every search linear), and what to write
_RE2_LACKS = (
    (
        re.compile(r"\(\?<[=!]"),
        "RE2 has no lookbehind: use an exclude: entry instead (docs/writing-rules.md)",
    ),
    (re.compile(r"\(\?[=!]"), "RE2 has no lookahead: use an exclude: entry instead (docs/writing-rules.md)"),
    (re.compile(r"\\[1-9]"), "RE2 has no backreferences (\\1): write the words out, (a|b) ... (a|b)"),
)


def _unsupported(regex: str) -> str:
    """'; RE2 has no lookbehind: ...' when the regex uses a construct RE2 lacks, else ''."""
    return next((f"; {hint}" for found, hint in _RE2_LACKS if found.search(regex)), "")


def compile_patterns(phrases: list[str] | tuple[str, ...], regexes: list[str] | tuple[str, ...]) -> Any:
    """One RE2 program matching any of the phrases or regexes (cached: rules are judged again and again)."""
    return _compile_patterns(tuple(phrases), tuple(regexes))


# Combined sources of pattern sets validated by an earlier run, read back from the rulebook cache: they
# spare the phrase translation (a third of the judging time of one draft) but not the checks below.
_known_sources: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}


def remember_sources(entries: list[tuple[list[str], list[str], str]]) -> None:
    for phrases, regexes, source in entries:
        _known_sources[(tuple(phrases), tuple(regexes))] = source


@lru_cache(maxsize=4096)
def combined_source(phrases: tuple[str, ...], regexes: tuple[str, ...]) -> str:
    """The one regex for a set of phrases and regexes; raises PatternError for what cannot be compiled."""
    if len(phrases) + len(regexes) > MAX_PATTERNS:
        raise PatternError(
            f"{len(phrases) + len(regexes)} phrases and regexes in one element, over the limit of "
            f"{MAX_PATTERNS}: split the idea into several elements"
        )
    pieces = [phrase_to_regex(p) for p in phrases]
    for regex in regexes:
        compile_regex(regex)  # report a bad regex on its own, with its own message
        pieces.append(regex)
    source = "|".join(f"(?:{p})" for p in pieces)
    if len(source) > MAX_SOURCE:
        raise PatternError(
            f"the phrases and regexes of one element compile to {len(source):,} characters of regex, over "
            f"the limit of {MAX_SOURCE:,}: split the idea into several elements"
        )
    program = compile_regex(source)
    if matches_empty(program):
        for phrase, piece in zip((*phrases, *regexes), pieces, strict=True):
            if matches_empty(compile_regex(piece)):
                raise PatternError(f"'{phrase}' can match no words at all: every text would meet it")
    return source


@lru_cache(maxsize=4096)
def _compile_patterns(phrases: tuple[str, ...], regexes: tuple[str, ...]) -> Any:
    known = _known_sources.get((phrases, regexes))
    if known is not None and len(known) <= MAX_SOURCE:
        program = compile_regex(known)
        if not matches_empty(program):
            return program
    return compile_regex(combined_source(phrases, regexes))


class PatternSet:
    """The phrases and regexes of one element or exclusion, ready to search many documents: what each
    phrase needs (worked out once), and its programs, compiled when first needed."""

    def __init__(self, phrases: tuple[str, ...], regexes: tuple[str, ...]) -> None:
        self.phrases, self.regexes = phrases, regexes
        self.needs = [phrase_needs(p) for p in phrases]
        self.whole: Any = None  # the program of all the phrases and regexes

    def program(self, phrases: tuple[str, ...] | None = None) -> Any:
        """The program of all the phrases and regexes, or of some of the phrases only: the same matches in
        a text where the others cannot match (an alternative that never matches is never chosen)."""
        if phrases is None or (len(phrases) == len(self.phrases) and not self.regexes):
            if self.whole is None:
                self.whole = compile_patterns(self.phrases, self.regexes)
            return self.whole
        return compile_patterns(phrases, ())


# Placeholders a rule's phrases may use for what differs from one mission to another; the profiles say the
# words (`Profile.pattern_words`, and a profile's `mission`). Nothing of one country is written in a rule.
PATTERN_PLACEHOLDERS = (
    "mission",
    "national_forces",
    "nationality",
    "armed_groups",
    "courts",
    "peace_agreement",
)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Placeholder name → the words it stands for, sorted: hashable, so the expansion of a rule is cached per set.
Terms = tuple[tuple[str, tuple[str, ...]], ...]


def _expand_token(token: str, words: dict[str, tuple[str, ...]], phrase: str) -> str:
    found = _PLACEHOLDER.search(token)
    if found is None:
        return token
    if _PLACEHOLDER.search(token, found.end()):
        raise PatternError(f"two placeholders in one word '{token}' of '{phrase}'")
    name = found.group(1)
    if name not in PATTERN_PLACEHOLDERS:
        raise PatternError(
            f"unknown placeholder {{{name}}} in '{phrase}' (known: {', '.join(PATTERN_PLACEHOLDERS)})"
        )
    choices = words.get(name, ())
    if not choices:
        raise PatternError(f"placeholder {{{name}}} in '{phrase}' has no words in any profile")
    before, after = token[: found.start()], token[found.end() :]
    # A prefix or suffix ({mission}'s) goes with each word; a word is itself a phrase (several words).
    return "( " + " | ".join(f"{before}{w}{after}" for w in choices) + " )"


def expand_placeholders(phrases: tuple[str, ...], terms: Terms) -> tuple[str, ...]:
    """The phrases with each {placeholder} replaced by a group of the words the profiles give for it:
    '(support|aid) ... {national_forces}' → '(support|aid) ... ( FACA | FARDC )'. Cached per phrase set and
    words: a rulebook is expanded once per set of profiles, not once per draft."""
    if not any("{" in p for p in phrases):
        return phrases
    return _expand(phrases, terms)


@lru_cache(maxsize=4096)
def _expand(phrases: tuple[str, ...], terms: Terms) -> tuple[str, ...]:
    words = dict(terms)
    out = []
    for phrase in phrases:
        if "{" not in phrase:
            out.append(phrase)
            continue
        pieces = re.split(r"(\s+|[()|])", phrase)
        out.append("".join(_expand_token(piece, words, phrase) for piece in pieces))
    return tuple(out)


def expand_regex_placeholders(regexes: tuple[str, ...] | list[str], terms: Terms) -> tuple[str, ...]:
    """The regexes with each {placeholder} (a known name, not after a backslash: `{2,3}` stays a count)
    replaced by a group of its words, each matched as the phrase language matches a word: (?:\\bFACA...)."""
    regexes = tuple(regexes)
    if not any("{" in r for r in regexes):
        return regexes
    return _expand_regexes(regexes, terms)


_REGEX_PLACEHOLDER = re.compile(r"(?<!\\)\{(" + "|".join(PATTERN_PLACEHOLDERS) + r")\}")


@lru_cache(maxsize=1024)
def _expand_regexes(regexes: tuple[str, ...], terms: Terms) -> tuple[str, ...]:
    words = dict(terms)

    def group(m: re.Match[str]) -> str:
        choices = words.get(m.group(1), ())
        if not choices:
            raise PatternError(f"placeholder {m.group()} in '{m.string}' has no words in any profile")
        return "(?:" + "|".join(phrase_to_regex(w) for w in choices) + ")"

    return tuple(_REGEX_PLACEHOLDER.sub(group, r) for r in regexes)


_pattern_sets: dict[tuple[tuple[str, ...], tuple[str, ...]], PatternSet] = {}


def pattern_set(phrases: list[str] | tuple[str, ...], regexes: list[str] | tuple[str, ...]) -> PatternSet:
    key = (tuple(phrases), tuple(regexes))
    found = _pattern_sets.get(key)
    if found is None:
        if len(_pattern_sets) >= 4096:  # as many as `compile_patterns` keeps
            _pattern_sets.clear()
        found = _pattern_sets[key] = PatternSet(*key)
    return found


# Other caches of compiled programs (judge/acronyms.py `_program`), registered by `keeps_programs`: the rulebook
# knows nothing of the judge, so the judge tells it which caches `forget_programs` must clear too.
_kept_elsewhere: list[Any] = []
_Cached = TypeVar("_Cached")


def keeps_programs(cached: _Cached) -> _Cached:
    """Register a `functools.lru_cache` function whose results are compiled programs: `forget_programs`
    clears it too. Put it above the lru_cache decorator."""
    _kept_elsewhere.append(cached)
    return cached


def forget_programs() -> None:
    """Drop every compiled program: each is compiled again, the same, when next searched. RE2 keeps the DFA
    states a program builds while it searches, up to its memory budget (`_options`), and a check of a few
    hundred drafts grows them to most of the process's memory (batch.py)."""
    compile_regex.cache_clear()
    _compile_patterns.cache_clear()
    _pattern_sets.clear()
    for cached in _kept_elsewhere:
        cached.cache_clear()


def matches_empty(program: Any) -> bool:
    """Whether a compiled pattern can match zero characters: it would 'find' evidence in any text."""
    return any(m.end() == m.start() for probe in _EMPTY_PROBES for m in program.finditer(probe))
