"""A finding whose parts say nothing (a hedge, a quote, a decision's date left empty, as a rule author's
file or a hand-edited decisions file can give) is rendered without a stray "; ;" or ", ;": the parts are
joined without the empty ones, in the table, the Markdown report and the memo in every format."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from mandatekit.api import memo_context, render_memo, setup
from mandatekit.judge.report import AppliedDecision
from mandatekit.read import read
from mandatekit.render.table import render_table
from mandatekit.render.text import render_markdown

DRAFT = Path(__file__).resolve().parents[1] / "rounds" / "drafts" / "S_RES_2717(2023).txt"
STRAY = re.compile(r"[;,]\s*;")


def test_empty_parts_leave_no_stray_separator(tmp_path: Path) -> None:
    s = setup()
    document = read(DRAFT)
    report = s.judge(document)
    findings = []
    for f in report.findings:
        hedges = [
            "'as appropriate' (OP 1) qualifies the commitment",
            "",
            " ",
            "'where possible' (OP 2) qualifies it",
        ]
        sources = [
            *f.sources,
            *(x.model_copy(update={"quote": ""}) for x in f.sources if x.quote is not None),
        ]
        decision = AppliedDecision(decision="accepted", why="Left to the penholder", by="Delegation of X",
                                   date="", source="decisions.yaml")  # fmt: skip
        findings.append(f.model_copy(update={"hedges": hedges, "sources": sources, "decision": decision}))
    report = report.model_copy(update={"findings": findings})
    context = memo_context(report, s, document)
    docx = tmp_path / "memo.docx"
    docx.write_bytes(render_memo(context, "docx", None))
    memo_text = re.sub(r"<[^>]+>", "", zipfile.ZipFile(docx).read("word/document.xml").decode())
    outputs = {
        "table": re.sub(r"\x1b\[[0-9;]*m", "", render_table(report)),
        "markdown": render_markdown(report),
        "memo.md": render_memo(context, "markdown", None),
        "memo.html": render_memo(context, "html", None),
        "memo.docx": memo_text,
    }
    for name, text in outputs.items():
        text = text.decode() if isinstance(text, bytes) else text
        found = [text[max(0, m.start() - 60) : m.end() + 20] for m in STRAY.finditer(text)]
        assert not found, (name, found[:3])
    assert "hedged: 'as appropriate' (OP 1) qualifies the commitment; 'where possible'" in outputs["memo.md"]
