"""The PDF reader on the UN's own layout, rebuilt in code (tests/read/un_pdf.py): General Assembly resolution
73/8 as the UN printed it, line for line, with every trait of the official PDF that misled the reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit.read import Kind, read
from tests.read.un_pdf import UnDocument, UnPara, save_un_pdf

PPS = [
    UnPara(
        [
            "Determined to encourage strict compliance with the purposes and principles",
            "enshrined in the Charter of the United Nations,",
        ]
    ),
    UnPara(
        [
            "Reaffirming, among other principles, the sovereign equality of States,",
            "non-intervention and non|-interference in their internal affairs and freedom of",
            "international trade and navigation, which are also enshrined in many international",
            "legal instruments,",
        ]
    ),
    UnPara(
        [
            "Recalling the statements of the Heads of State or Government of Latin Amer|ica",
            "and the Caribbean at the Summits of the Community of Latin American and Caribbean",
            "States regarding the need to put an end to the economic, commercial and financial",
            "embargo imposed against Cuba,",
        ]
    ),
    UnPara(
        [
            "Concerned about the continued promulgation and applicatio|n by Member States",
            "of laws and regulations, such as that promulgated on 12 March 1996 known as “the",
            "Helms-Burton Act”, the extraterritorial effects of which affect the sovereignty of",
            "other States, the legitimate interests of entities or persons under their jurisdiction and",
            "the freedom of trade and navigation,",
        ]
    ),
    UnPara(
        [
            "Taking note of declarations and resolutions of different intergovernmental",
            "forums, bodies and Governments that express the rejection by the international",
            "community and public opinion of the promulgati|on and application of measures of",
            "the kind referred to above,",
        ]
    ),
    # broken across the page: the lines on page 2 begin with numbers, and are not paragraph numbers
    UnPara(
        [
            "Recalling its resolutions 47/19 of 24 November 1992, 48/16 of 3 November",
            "1993, 49/9 of 26 October 1994, 50/10 of 2 November 1995, 51/17 of 12 November",
            "1996, 52/10 of 5 November 1997, 53/4 of 14 October 1998, 54/21 of 9 November",
            "1999, 55/20 of 9 November 2000, 56/9 of 27 November 2001, 57/11 of 12 November",
            "2002, 58/7 of 4 November 2003, 59/11 of 28 October 2004, 60/12 of 8 November",
            "2005, 61/11 of 8 November 2006, 62/3 of 30 October 2007, 63/7 of 29 October 2008,",
            "64/6 of 28 October 2009, 65/6 of 26 October 2010, 66/6 of 25 October 2011, 67/4 of",
            "13 November 2012, 68/8 of 29 October 2013, 69/5 of 28 October 2014, 70/5 of",
            "27 October 2015, 71/5 of 26 October 2016 and 72/4 of 1 November 2017,",
        ],
        page_break_after_line=4,
    ),
    UnPara(
        [
            "Recalling also the measures adopted by the Executive of the United States of",
            "America in 2015 and 2016 to modify several aspects of the application of the",
            "embargo, which contrast with the measures announced on 16 June 2017 to reinforce",
            "its implementation,",
        ]
    ),
    UnPara(
        [
            "Concerned that, since the adoption of its resolutions 47/19, 48/16, 49/9, 50/10,",
            "51/17, 52/10, 53/4, 54/21, 55/20, 56/9, 57/11, 58/7, 59/11, 60/12, 61/11, 62/3, 63/7,",
            "64/6, 65/6, 66/6, 67/4, 68/8, 69/5, 70/5, 71/5 and 72/4, the economic, commercial and",
            "financial embargo against Cuba is still in place, and concerned also about the adverse",
            "effects of such measures on the Cuban people and on Cuban nationals living in other",
            "countries,",
        ]
    ),
]

OPS = [
    # the hyphen at the line end belongs to 'Secretary-General'; the note number 1 is stuck to '72/4;'
    UnPara(
        [
            "Takes note of the report of the Secretary-",
            "General on the implementation of resolution 72/4;^1",
        ],
        label="1.",
    ),
    UnPara(
        [
            "Reiterates its call upon all States to refrain from promulgating and",
            "applying laws and measures of the kind referred to in the preamble to the present",
            "resolution, in conformity with their obligations under the Charter of the United",
            "Nations and international law, which, inter alia, reaffirm the freedom of trade and",
            "navigation;",
        ],
        label="2.",
    ),
    UnPara(
        [
            "Once again urges States that have and continue to apply such laws and",
            "measures to take the steps necessary to repeal or invalidate them as soon as possible",
            "in accordance with their legal regime;",
        ],
        label="3.",
    ),
    UnPara(
        [
            "Requests the Secretary-General, in consultation with the appropriate",
            "organs and agencies of the United Nations system, to prepare a report on the",
            "implementation of the present resolution in the light of the purposes and principles of",
            "the Charter and international law and to submit it to the General Assembly at its seventy-",
            "fourth session;",
        ],
        label="4.",
    ),
    UnPara(
        [
            "Decides to include in the provisional agenda of its seventy-fourth session",
            "the item entitled “Necessity of ending the economic, commercial and financial",
            "embargo imposed by the Unit|ed States of America against Cuba”.",
        ],
        label="5.",
    ),
]

RESOLUTION_73_8 = UnDocument(
    symbol="A/RES/73/8",
    job="18-18418",
    distributed="5 November 2018",
    session=["Seventy-third session", "Agenda item 43"],
    adopted="Resolution adopted by the General Assembly on 1 November 2018",
    committee="[without reference to a Main Committee (A/73/L.3)]",
    title_lines=[
        "73/8. Necessity of ending the economic, commercial and financial",
        "embargo imposed by the United States of America",
        "against Cuba",
    ],
    head_title=[
        "Necessity of ending the economic, commercial and financial embargo",
        "imposed by the United States of America against Cuba",
    ],
    opening="The General Assembly,",
    paragraphs=PPS + OPS,
    closing=["30th plenary meeting", "1 November 2018"],
    notes={"1": "A/73/85."},
)


def _printed(para: UnPara) -> str:
    """The paragraph's text as a reader should give it: pieces joined, note numbers gone, a line-end
    hyphen kept with no space after it."""
    text = ""
    for line in para.lines:
        line = " ".join(word.partition("^")[0] for word in line.replace("|", "").split(" "))
        text = text + line if text.endswith("-") or not text else f"{text} {line}"
    return text


@pytest.fixture(scope="module")
def resolution(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_un_pdf(RESOLUTION_73_8, tmp_path_factory.mktemp("un") / "A_RES_73_8.pdf")


def test_printed_numbering_and_symbol_from_the_masthead(resolution: Path) -> None:
    doc = read(resolution)
    assert [p.ref for p in doc.paragraphs if p.ref] == [f"PP {i}" for i in range(1, 9)] + [
        f"OP {i}" for i in range(1, 6)
    ]
    assert doc.front.symbol == "A/RES/73/8"
    assert doc.front.date == "5 November 2018"
    assert doc.front.title == (
        "Necessity of ending the economic, commercial and financial embargo imposed by the United States of "
        "America against Cuba"
    )


def test_every_paragraph_reads_word_for_word(resolution: Path) -> None:
    doc = read(resolution)
    got = [p.text for p in doc.paragraphs if p.kind in (Kind.preambular, Kind.operative)]
    want = [_printed(p) for p in PPS] + [_printed(p) for p in OPS]
    assert got == want
    # the traits, spelled out
    assert "non-interference in their internal affairs" in got[1]
    assert "Latin America and the Caribbean" in got[2]
    assert "the United States of America against Cuba”." in got[-1]
    assert (
        got[8]
        == "Takes note of the report of the Secretary-General on the implementation of resolution 72/4;"
    )
    assert "at its seventy-fourth session;" in got[11]


def test_a_paragraph_broken_across_pages_by_lines_that_begin_with_numbers(resolution: Path) -> None:
    doc = read(resolution)
    recalling = doc.by_ref("PP 6")
    assert recalling is not None and recalling.origin.page == 1
    assert "57/11 of 12 November 2002, 58/7 of 4 November 2003" in recalling.text
    assert recalling.text.endswith("71/5 of 26 October 2016 and 72/4 of 1 November 2017,")


def test_no_page_furniture_or_footnote_in_the_text(resolution: Path) -> None:
    doc = read(resolution)
    body = " ".join(p.text for p in doc.paragraphs if p.kind is not Kind.front_matter)
    for furniture in ("18-18418", "*1818418*", "2/2", "A/RES/73/8", "A/73/85", "____", "071118"):
        assert furniture not in body
    assert "imposed by the United States of America against Cuba Necessity" not in body
    front = [p.text for p in doc.paragraphs if p.kind is Kind.front_matter]
    assert front[0] == "United Nations A/RES/73/8"  # the small capitals are not taken for a note number


def test_alternating_running_heads_on_more_pages(tmp_path: Path) -> None:
    """Pages 2 and 3 put the symbol and 'page x/y' on opposite sides; the title repeats over two lines."""
    paras = [
        UnPara(
            [
                f"Recalling its resolution {70 + i}/{i} on the peaceful uses of outer space and on international",
                "cooperation in the exploration of outer space for the benefit of all countries,",
            ],
            page_break_after_line=2 if i in (3, 6) else None,
        )
        for i in range(1, 9)
    ] + [UnPara(["Decides to remain seized of the matter."], label="1.")]
    doc_spec = UnDocument(**{**RESOLUTION_73_8.__dict__, "paragraphs": paras, "notes": {}})
    doc = read(save_un_pdf(doc_spec, tmp_path / "three.pdf"))
    assert [p.ref for p in doc.paragraphs if p.ref] == [f"PP {i}" for i in range(1, 9)] + ["OP 1"]
    assert {p.origin.page for p in doc.paragraphs if p.ref} == {1, 2, 3}
    for i, pp in enumerate((p for p in doc.paragraphs if p.kind is Kind.preambular), start=1):
        assert pp.text == (
            f"Recalling its resolution {70 + i}/{i} on the peaceful uses of outer space and on international "
            "cooperation in the exploration of outer space for the benefit of all countries,"
        )


def test_a_declaration_adopted_by_the_resolution_is_its_annex(tmp_path: Path) -> None:
    """A/RES/73/3's layout: one unnumbered operative sentence adopts a declaration, whose own numbered
    paragraphs (first person plural, no Council verbs) are the annex, numbered as printed."""
    declaration = [
        UnPara(
            [
                "Adopts the following political declaration approved by the high-level meeting of the General",
                "Assembly on the fight against tuberculosis on 26 September 2018:",
            ]
        ),
        UnPara(
            ["Political declaration of the high-level meeting of the General Assembly on the fight against"]
        ),
        UnPara(
            [
                "We, Heads of State and Government and representatives of States and Governments, assembled at",
                "the United Nations in New York on 26 September 2018,^1 in a hall of 2,050 m^=2, committed:",
            ]
        ),
    ] + [
        UnPara(
            [
                "Commit to providing diagnosis and treatment with the aim of",
                f"successfully treating {n} million people in low-",  # a suspended compound at the line end
                "and middle-income countries, including through community-based and people-centred care;"
                if n != 6
                else "and middle-income countries,^+1 including through community-based and people-centred care;",
            ],
            label=f"{n}.",
            page_break_after_line=3 if n == 4 else None,
        )
        for n in range(1, 8)
    ]
    spec = UnDocument(
        **{
            **RESOLUTION_73_8.__dict__,
            "symbol": "A/RES/73/3",
            "paragraphs": declaration,
            "notes": {"1": "See resolution 72/268."},
        }
    )
    doc = read(save_un_pdf(spec, tmp_path / "declaration.pdf"))
    assert [p.ref for p in doc.paragraphs if p.ref] == ["OP 1"] + [f"Annex, para {n}" for n in range(1, 8)]
    assert doc.front.symbol == "A/RES/73/3"
    # the note number goes, the square metres' power stays
    assert any(
        p.text.endswith("on 26 September 2018, in a hall of 2,050 m2, committed:") for p in doc.paragraphs
    )
    assert "72/268" not in " ".join(p.text for p in doc.paragraphs)
    # note 1 cited again on page 2, its text at the foot of page 1
    assert "middle-income countries, including" in doc.by_ref("Annex, para 6").text  # type: ignore[union-attr]
    para5 = doc.by_ref("Annex, para 5")
    assert para5 is not None and para5.kind is Kind.annex and para5.origin.page == 2
    assert para5.text == (
        "Commit to providing diagnosis and treatment with the aim of successfully treating 5 million people "
        "in low- and middle-income countries, including through community-based and people-centred care;"
    )


def test_a_line_set_in_a_barcode_font_is_page_furniture() -> None:
    """Page 1's barcode is the job number in a barcode font ('Barcode 3 of 9 by request'), whatever its
    text layer says."""
    from mandatekit.read.pdf import Glyph, Line, compose_line, is_furniture

    def line(font: str) -> Line:
        glyphs = [Glyph(c, 65 + 7 * i, 71 + 7 * i, 40, 52, 12.0, font) for i, c in enumerate("QXZ7")]
        made = Line(1, glyphs)
        compose_line(made)
        return made

    assert is_furniture(line("BCDEEE+Barcode 3 of 9 by request,BoldItalic"))
    assert not is_furniture(line("TimesNewRomanPSMT"))
