"""Benchmarks: `make bench` (or `python benchmarks/run.py`). Prints figures; asserts nothing.

Measures, on a generated draft of 300+ paragraphs with every rule:
  - reading (parsing) a long draft, .docx and .txt
  - judging time per draft, in process
  - end-to-end `mandatekit check draft.txt --format json` wall time (a fresh process: imports included)
  - drafts per second over 200 drafts
  - how judging grows with draft length and with the number of rules (two sizes each)
  - writing the Word memo for the long draft
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mandatekit.api import setup  # noqa: E402
from mandatekit.judge import Prepared, judge_document, judge_rule  # noqa: E402
from mandatekit.read import read  # noqa: E402
from mandatekit.read.model import Document  # noqa: E402
from tests.builders import DraftBuilder, save_pdf  # noqa: E402
from tests.read.test_pdf_un_layout import RESOLUTION_73_8  # noqa: E402
from tests.read.un_pdf import save_un_pdf  # noqa: E402

TOPICS = [
    (
        "Decides",
        "that the Mission shall protect civilians under threat of physical violence in {place}, "
        "within its capabilities and areas of deployment;",
    ),
    (
        "Requests",
        "the Mission to support the national defence forces in {place} in accordance with the HRDDP;",
    ),
    (
        "Calls upon",
        "the authorities to end all restrictions on the Mission's freedom of movement in {place};",
    ),
    ("Encourages", "the Mission to support local peace committees and reconciliation in {place};"),
    ("Stresses", "the importance of accountability for violations committed in {place};"),
]


def long_draft(paragraphs: int) -> DraftBuilder:
    """A draft of about `paragraphs` paragraphs: preamble, OPs with sub-paragraphs, headings."""
    b = DraftBuilder().front(
        "United Nations S/2026/999", "Long draft for benchmarking", "The Security Council,"
    )
    for i in range(paragraphs // 10):
        b.pp(
            "Recalling",
            f"its resolution {2000 + i} on the situation in the region, and the statement of {i},",
        )
    n = len(b.paragraphs)
    i = 0
    while n < paragraphs:
        if i % 12 == 0:
            b.heading(f"Section {i // 12 + 1}")
        verb, rest = TOPICS[i % len(TOPICS)]
        b.op(verb, rest.format(place=f"prefecture {i}"))
        if i % 4 == 0:
            b.sub("To monitor and report on human rights violations by all actors;")
            b.sub("To facilitate safe and unhindered humanitarian access;", level=2)
        i += 1
        n = len(b.paragraphs)
    b.op("Decides", "to remain actively seized of the matter.")
    return b


REALISTIC = [
    ("Requests", "the Secretary-General to keep the Council regularly informed of developments in {place};"),
    ("Welcomes", "the efforts of the African Union and regional partners in {place};"),
    ("Decides", "that the Mission shall support the extension of State authority in {place};"),
    ("Encourages", "international partners to provide financial support to the Government for {place};"),
    ("Requests", "the Mission to support the organization of local elections in {place};"),
    ("Stresses", "the importance of the rule of law and of justice institutions in {place};"),
    ("Requests", "the Mission to monitor and publicly report on violations by all actors in {place};"),
    ("Calls upon", "the authorities to respect the Status of Forces Agreement in {place};"),
    ("Expresses", "its intention to review the Mission's mandate in light of developments in {place};"),
    ("Requests", "the Mission to protect civilians irrespective of the source of violence in {place};"),
]


def realistic_draft(paragraphs: int) -> DraftBuilder:
    """Like a real mandate: most paragraphs touch no rule or one; a few touch several."""
    b = DraftBuilder().front("United Nations S/2026/998", "Realistic long draft", "The Security Council,")
    for i in range(paragraphs // 8):
        b.pp("Recalling", f"its resolution {2000 + i} and the report of the Secretary-General of {i} May,")
    i = 0
    while len(b.paragraphs) < paragraphs:
        if i % 15 == 0:
            b.heading(f"Section {i // 15 + 1}")
        verb, rest = REALISTIC[i % len(REALISTIC)]
        b.op(verb, rest.format(place=f"prefecture {i}"))
        if i % 6 == 0:
            b.sub("To support the reform of the public administration;")
            b.sub("To support local authorities in the delivery of basic services;")
        i += 1
    b.op("Decides", "to remain actively seized of the matter.")
    return b


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    s = setup()
    rules, profile = s.rulebook.rules, s.profile
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        draft = long_draft(320)
        docx = draft.save(folder / "long.docx")
        txt = folder / "long.txt"
        txt.write_text(draft.as_text(), encoding="utf-8")
        document = read(txt)
        print(
            f"draft: {len(document.paragraphs)} paragraphs ({len(document.operative)} operative), {len(rules)} rules"
        )

        print(f"read .docx   {timed(lambda: read(docx), 10) * 1000:8.1f} ms")
        print(f"read .txt    {timed(lambda: read(txt), 10) * 1000:8.1f} ms")
        pdf = save_pdf(draft.as_text(), folder / "long.pdf")
        pages = max(p.origin.page or 0 for p in read(pdf).paragraphs)
        print(f"read .pdf    {timed(lambda: read(pdf), 3) * 1000:8.1f} ms ({pages} pages, glyph by glyph)")
        un = save_un_pdf(RESOLUTION_73_8, folder / "un.pdf")
        print(f"read UN .pdf {timed(lambda: read(un), 5) * 1000:8.1f} ms (A/RES/73/8's layout, 2 pages)")
        judge_s = timed(lambda: judge_document(document, rules, profile), 20)
        print(
            f"judge        {judge_s * 1000:8.1f} ms per draft, dense (every OP touches 5 rules; goal < 20 ms)"
        )
        real = read_text_of(realistic_draft(320), folder / "realistic.txt")
        real_s = timed(lambda: judge_document(real, rules, profile), 20)
        print(
            f"judge        {real_s * 1000:8.1f} ms per draft, realistic mix of {len(real.paragraphs)} paragraphs"
        )

        cmd = [sys.executable, "-m", "mandatekit", "check", str(txt), "--format", "json"]
        wall = timed(lambda: subprocess.run(cmd, capture_output=True, check=True), 5)
        print(f"check (CLI)  {wall * 1000:8.1f} ms wall, fresh process, --format json (goal < 300 ms)")

        drafts = []
        (folder / "many").mkdir()
        for k in range(200):
            path = folder / "many" / f"d{k}.txt"
            path.write_text(long_draft(40 + k % 20).as_text(), encoding="utf-8")
            drafts.append(path)
        start = time.perf_counter()
        for path in drafts:
            judge_document(read(path), rules, profile)
        elapsed = time.perf_counter() - start
        print(
            f"throughput   {len(drafts) / elapsed:8.1f} drafts/s (200 drafts of 40-60 paragraphs, read + judge)"
        )
        start = time.perf_counter()
        many = [sys.executable, "-m", "mandatekit", "check", str(folder / "many"), "--format", "csv"]
        subprocess.run(many, capture_output=True, check=True)
        elapsed = time.perf_counter() - start
        print(
            f"folder (CLI) {len(drafts) / elapsed:8.1f} drafts/s (`mandatekit check FOLDER --format csv`, 200 drafts)"
        )

        double = read_text_of(long_draft(640), folder / "double.txt")
        t1 = timed(lambda: judge_document(document, rules, profile), 10)
        t2 = timed(lambda: judge_document(double, rules, profile), 10)
        print(
            f"scaling      {len(document.paragraphs)} → {len(double.paragraphs)} paragraphs: "
            f"{t1 * 1000:.1f} → {t2 * 1000:.1f} ms (×{t2 / t1:.2f})"
        )
        prepared = Prepared(document)
        r1 = timed(lambda: [judge_rule(prepared, r, profile) for r in rules], 10)
        r2 = timed(lambda: [judge_rule(prepared, r, profile) for r in rules * 2], 10)
        print(
            f"scaling      {len(rules)} → {len(rules) * 2} rules: {r1 * 1000:.1f} → {r2 * 1000:.1f} ms (×{r2 / r1:.2f})"
        )

        from mandatekit.render.memo import render_memo_docx

        report = judge_document(document, rules, profile)
        memo_s = timed(lambda: (folder / "memo.docx").write_bytes(render_memo_docx(report)), 3)
        print(f"memo .docx   {memo_s * 1000:8.1f} ms for the long draft")


def read_text_of(builder: DraftBuilder, path: Path) -> Document:
    path.write_text(builder.as_text(), encoding="utf-8")
    return read(path)


if __name__ == "__main__":
    main()
