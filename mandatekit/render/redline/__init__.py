"""`mandatekit redline`: a copy of the Word draft with each suggestion as a tracked change in its place.

- `write`: the redlined copy: every placement (render/placement.py) as a tracked change with its comment,
  and the typed cross-references Word would renumber, corrected;
- `tracked`: the reviewer's tracked changes: a paragraph redlined word by word, a comment's range;
- `inserted`: a new paragraph as a tracked insertion, numbered as the draft numbers its own;
- `runs`: a paragraph's runs: the text that shows, split at a character, new runs formatted alike.

Re-exported here: what callers import from `mandatekit.render.redline`."""

from __future__ import annotations

from mandatekit.render.redline.write import redline_docx

__all__ = ["redline_docx"]
