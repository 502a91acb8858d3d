"""A word-level diff whose replaced stretches are narrowed to what really changes, for the redlines a drafter
reads: 'Encourages the Mission to monitor' → 'Requests the Mission to monitor, document' shows 'Encourages' →
'Requests' and ', document' inserted, not the whole clause struck and retyped."""

from __future__ import annotations

# The narrowing lives beside the word diff (round_words), which the comparison of two rounds shows too: a
# plain-text diff read "~~and~~ and, as appropriate," where it narrows to "and{+, as appropriate,+}" (trial 13).
from mandatekit.round_words import common_edges as common_edges
from mandatekit.round_words import narrowed_diff as redline

__all__ = ["common_edges", "redline"]
