"""A file holding several resolutions (the yearbook's prints): one is read, and the reader says so."""

from __future__ import annotations

from mandatekit.read import read, read_string

FIRST = """Resolution 367 (1975)

of 12 March 1975

The Security Council,

Noting the report of the Secretary-General,

1. Requests the Secretary-General to undertake a new mission of good offices;

2. Decides to remain seized of the matter.

Adopted at the 1820th meeting without a vote.
"""
SECOND = """Resolution 370 (1975)

of 13 June 1975

The Security Council,

Noting the report of the Secretary-General,

1. Extends the stationing of the Force for a further period;
"""


def test_the_first_of_several_resolutions_is_read_and_the_reader_says_so():
    document = read_string(FIRST + "\n" + SECOND)
    ops = [p for p in document.paragraphs if p.ref and p.ref.startswith("OP")]
    assert [p.ref for p in ops] == ["OP 1", "OP 2"]
    assert "Extends" not in " ".join(p.text for p in document.paragraphs)
    assert len(document.warnings) == 1 and "367 (1975)" in document.warnings[0]
    assert "370 (1975)" in document.warnings[0]


def test_the_resolution_the_files_name_names_is_read(tmp_path):
    path = tmp_path / "S_RES_370(1975).txt"
    path.write_text("2. Decides to remain seized of the matter.\n\n" + FIRST + "\n" + SECOND)
    document = read(path)
    assert [p.verb for p in document.paragraphs if p.ref == "OP 1"] == ["Extends"]
    assert all(p.ref != "OP 2" for p in document.paragraphs)
    assert "370 (1975)" in document.warnings[0]


def test_near_misses_one_resolution_is_read_whole():
    # An annexed declaration repeating "The Security Council," under one heading, a heading cited in a
    # paragraph, and the same resolution's French heading in a bilingual print.
    annex = FIRST + "\nAnnex\n\nThe Security Council,\n\n3. Stresses the importance of prevention;\n"
    cited = FIRST + "\nResolution 370 (1975) of 13 June 1975 extended the Force.\n\n3. Notes it;\n"
    french = FIRST + "\n367 (1975). Résolution du 12 mars 1975\n\nLe Conseil de sécurité,\n\n3. Prie;\n"
    for text, last in ((annex, "Stresses"), (cited, "Notes it"), (french, "Prie")):
        document = read_string(text)
        assert all("resolutions" not in w for w in document.warnings)
        assert last in document.paragraphs[-1].text
