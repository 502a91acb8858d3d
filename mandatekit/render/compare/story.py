"""What a round did to the words of a paragraph, told in sentences for the memo: "In OP 7, “Encourages”
became “Requests”."; a round that only put words in square brackets is told as such."""

from __future__ import annotations

import re
from typing import Any

from mandatekit.textnorm import joined


def story(change: Any) -> str:
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
