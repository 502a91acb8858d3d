"""A word-level diff whose replaced stretches are narrowed to what really changes, for the redlines a drafter
reads: 'Encourages the Mission to monitor' → 'Requests the Mission to monitor, document' shows 'Encourages' →
'Requests' and ', document' inserted, not the whole clause struck and retyped."""

from __future__ import annotations

from mandatekit.compare import DiffPiece, word_diff


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


def redline(old: str, new: str) -> list[DiffPiece]:
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
