"""Fuzzing the readers: a few hundred seeded mutations of a .docx (its zip bytes and its XML parts) and of a
.txt. Whatever comes in, the answer is exit 0, 1 or 2 with no traceback and no 'unexpected' error (the last
line of defence hides bugs from users, not from this test), one line when refused, and no hang."""

from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

from click.testing import CliRunner

from mandatekit.cli import main
from tests.builders import renewal_draft
from tests.hostile.harness import hang_guard
from tests.hostile.zips import rezip

SEED = 20261123
HOSTILE_VALUES = ["-1", "0", "99999999999999999999", "x", "", "1e9", "٣", "9" * 300, "%1%2%9%10", "&amp;"]
PARTS = ["word/document.xml", "word/numbering.xml", "word/styles.xml"]


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    how = rng.choice(["flip", "truncate", "insert", "duplicate", "zero"])
    at = rng.randrange(len(out))
    if how == "flip":
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    elif how == "truncate":
        del out[at:]
    elif how == "insert":
        out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif how == "duplicate":
        out[at:at] = out[at : at + rng.randint(1, 2000)]
    else:
        out[at : at + rng.randint(1, 500)] = bytes(min(500, len(out) - at))
    return bytes(out)


def _mutate_xml(rng: random.Random, xml: str) -> str:
    how = rng.choice(["attribute", "attribute", "delete", "duplicate", "tag"])
    if how == "attribute":
        values = list(re.finditer(r'w:(?:val|ilvl|numId|abstractNumId)="([^"]*)"', xml))
        if values:
            m = rng.choice(values)
            return xml[: m.start(1)] + rng.choice(HOSTILE_VALUES) + xml[m.end(1) :]
    at = rng.randrange(len(xml))
    if how == "delete":
        return xml[:at] + xml[at + rng.randint(1, 300) :]
    if how == "duplicate":
        return xml[:at] + xml[at : at + rng.randint(1, 3000)] + xml[at:]
    tags = list(re.finditer(r"<(/?)w:(\w+)", xml))
    m = rng.choice(tags)
    return (
        xml[: m.start(2)]
        + rng.choice(["p", "body", "lvl", "numPr", "tbl", "t", "del", "ins", "x"])
        + xml[m.end(2) :]
    )


def _mutate_text(rng: random.Random, text: str) -> bytes:
    at = rng.randrange(len(text))
    how = rng.choice(["chars", "digits", "brackets", "delete", "duplicate", "utf16", "controls", "labels"])
    if how == "chars":
        text = (
            text[:at]
            + "".join(
                chr(rng.choice([rng.randrange(32, 0x2FFF), rng.randrange(0xE000, 0x10FFFF)]))
                for _ in range(20)
            )
            + text[at:]
        )
    elif how == "digits":
        text = text[:at] + "\n\n" + "9" * rng.randint(1, 6000) + ". Decides " + text[at:]
    elif how == "brackets":
        n = rng.randint(1, 4000)
        text = text[:at] + "[" * n + "(" * n + text[at:]
    elif how == "delete":
        text = text[:at] + text[at + rng.randint(1, 500) :]
    elif how == "duplicate":
        text = text[:at] + text[at : at + rng.randint(1, 2000)] * rng.randint(1, 20) + text[at:]
    elif how == "controls":
        text = text[:at] + "".join(chr(rng.randrange(0, 32)) for _ in range(rng.randint(1, 40))) + text[at:]
    elif how == "labels":
        text = (
            "\n\n".join(f"({rng.choice(['i', 'ii', 'h', 'iv', 'x', 'zz', 'a'])}) item;" for _ in range(200))
            + text
        )
    data = text.encode("utf-8")
    if how == "utf16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
        data = data[: rng.randrange(2, len(data))]
    return data


def _run(path: Path, command: str) -> int:
    result = CliRunner().invoke(main, [command, str(path)])
    said = result.stderr
    assert result.exit_code in (0, 1, 2), (path.name, result.exit_code, said, result.exception)
    assert "Traceback" not in said and "unexpected" not in said, (path.name, said)
    if result.exit_code == 2:
        assert len(said.splitlines()) == 1 and str(path) in said, (path.name, said)
    return result.exit_code


def fuzz(folder: Path, count: int, seed: int = SEED) -> dict[int, int]:
    """Run `count` mutations (a third each: zip bytes, XML parts, text) and return how many ended with each
    exit status. Every 5th is checked in full (read and judge), the others parsed."""
    rng = random.Random(seed)
    base = renewal_draft().save(folder / "base.docx")
    raw = base.read_bytes()
    with zipfile.ZipFile(base) as zf:
        parts = {name: zf.read(name).decode("utf-8") for name in PARTS}
    text = renewal_draft().as_text()
    statuses: dict[int, int] = {}
    for n in range(count):
        kind = n % 3
        if kind == 0:
            path = folder / f"bytes{n}.docx"
            path.write_bytes(_mutate_bytes(rng, raw))
        elif kind == 1:
            name = rng.choice(PARTS)
            path = rezip(base, folder / f"xml{n}.docx", {name: _mutate_xml(rng, parts[name]).encode()})
        else:
            path = folder / f"text{n}.txt"
            path.write_bytes(_mutate_text(rng, text))
        before = path.read_bytes()
        status = _run(path, "check" if n % 5 == 0 else "parse")
        statuses[status] = statuses.get(status, 0) + 1
        assert path.read_bytes() == before
        path.unlink()
    return statuses


def test_fuzz_docx_and_txt(tmp_path: Path) -> None:
    # A few seconds here; benchmarks/fuzz.py runs thousands with other seeds.
    with hang_guard(300):
        statuses = fuzz(tmp_path, 60)
    assert sum(statuses.values()) == 60
