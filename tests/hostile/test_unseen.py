"""Content nobody sees (class 3) is not the draft: Word's hidden text (on the run, through a character or a
paragraph style, or the document defaults), Markdown comments and hidden elements, PDF text off the page or
clipped away, the mc:AlternateContent choice Word would not render. Each draft gets the verdicts of the text
a reader sees. Content Word shows that is not read (w:altChunk) is said in a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.builders import renewal_draft
from tests.hostile.harness import invoke, text_draft
from tests.hostile.pdfs import one_page, text_ops
from tests.hostile.zips import rezip

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:x9="urn:example:unknown"'
)
SEEN = [
    "The Security Council,",
    "Recalling its previous resolutions,",
    "1. Decides to extend the mandate of the Mission until 15 November 2027;",
    "2. Requests the Mission to protect civilians irrespective of the source of the threat;",
    "3. Decides to remain actively seized of the matter.",
]
# What a hostile draft hides: an OP that would meet the priority rule, a 'not' that would negate OP 2.
HIDDEN_OP = "Decides that the protection of civilians shall be the top priority of the Mission;"


def _verdicts(path: Path) -> dict[str, str]:
    result = invoke("check", path, "--format", "json", inputs=[path])
    assert result.exit_code == 0, result.stderr
    return {f["rule"]: f["verdict"] for f in json.loads(result.stdout)["findings"]}


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _verdicts(text_draft(tmp_path_factory.mktemp("seen"), "seen.txt", "\n\n".join(SEEN) + "\n"))


@pytest.fixture(scope="module")
def shown_whole(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The verdicts were the hidden words read: different, so the tests below can fail."""
    lines = [
        *SEEN[:3],
        SEEN[3].replace("to protect", "not to protect"),
        "3. " + HIDDEN_OP,
        "4." + SEEN[4][2:],
    ]
    return _verdicts(text_draft(tmp_path_factory.mktemp("whole"), "whole.txt", "\n\n".join(lines) + "\n"))


def test_the_hidden_words_would_change_verdicts(seen: dict[str, str], shown_whole: dict[str, str]) -> None:
    assert seen != shown_whole


def _run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _docx(tmp_path: Path, paragraphs: list[str], styles: str = "", name: str = "draft.docx") -> Path:
    good = renewal_draft().save(tmp_path / "good.docx")
    body = f"<w:document {W} {MC}><w:body>{''.join(paragraphs)}</w:body></w:document>"
    replace = {"word/document.xml": body.encode()}
    if styles:
        replace["word/styles.xml"] = f"<w:styles {W}>{styles}</w:styles>".encode()
    return rezip(good, tmp_path / name, replace)


def _p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _with_hidden(hide_run: str, hide_paragraph_ppr: str, styles: str = "") -> list[str]:
    return [
        _p(_run(SEEN[0])),
        _p(_run(SEEN[1])),
        _p(_run(SEEN[2])),
        _p(
            _run("2. Requests the Mission "),
            hide_run,
            _run("to protect civilians irrespective of the source of the threat;"),
        ),
        _p(_run("3. " + HIDDEN_OP), ppr=hide_paragraph_ppr),
        _p(_run(SEEN[4])),
    ]


STYLES = (
    "<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>"
    '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Deeper"><w:name w:val="Deeper"/><w:basedOn w:val="Secret"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Hid"><w:name w:val="Hid"/><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="HidBased"><w:name w:val="HidBased"/><w:basedOn w:val="Hid"/></w:style>'
)


@pytest.mark.parametrize(
    ("hide_run", "ppr"),
    [
        (_run("not ", "<w:rPr><w:vanish/></w:rPr>"), "<w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>"),
        (_run("not ", '<w:rPr><w:rStyle w:val="Secret"/></w:rPr>'), '<w:pPr><w:pStyle w:val="Hid"/></w:pPr>'),
        (
            _run("not ", '<w:rPr><w:rStyle w:val="Deeper"/></w:rPr>'),
            '<w:pPr><w:pStyle w:val="HidBased"/></w:pPr>',
        ),
    ],
    ids=["direct", "through-styles", "through-based-on-styles"],
)
def test_word_hidden_text(tmp_path: Path, seen: dict[str, str], hide_run: str, ppr: str) -> None:
    paragraphs = _with_hidden(hide_run, ppr)
    if "Hid" not in ppr:  # a hidden paragraph: each of its runs hidden, as Word's 'Hidden' font option does
        paragraphs[4] = _p(_run("3. " + HIDDEN_OP, "<w:rPr><w:vanish/></w:rPr>"))
    assert _verdicts(_docx(tmp_path, paragraphs, STYLES)) == seen


def test_hidden_by_default_and_shown_by_the_run(tmp_path: Path, seen: dict[str, str]) -> None:
    styles = "<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>"
    shown = '<w:rPr><w:vanish w:val="false"/></w:rPr>'
    paragraphs = [_p(_run(text, shown)) for text in SEEN[:3]]
    paragraphs += [
        _p(
            _run("2. Requests the Mission ", shown),
            _run("not "),
            _run("to protect civilians irrespective of the source of the threat;", shown),
        )
    ]
    paragraphs += [_p(_run("3. " + HIDDEN_OP)), _p(_run(SEEN[4], shown))]
    assert _verdicts(_docx(tmp_path, paragraphs, styles)) == seen


def _alternate(choice_requires: str, choice: str, fallback: str) -> str:
    return (
        f'<mc:AlternateContent><mc:Choice Requires="{choice_requires}">{choice}</mc:Choice>'
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
    )


def test_a_choice_word_would_not_render_is_not_read(tmp_path: Path, seen: dict[str, str]) -> None:
    paragraphs = [_p(_run(text)) for text in SEEN[:3]]
    paragraphs.append(
        _p(
            _run("2. Requests the Mission "),
            _alternate("x9", _run("not "), ""),
            _run(SEEN[3][len("2. Requests the Mission ") :]),
        )
    )
    paragraphs.append(_alternate("x9", _p(_run("3. " + HIDDEN_OP)), ""))
    paragraphs.append(_p(_run(SEEN[4])))
    assert _verdicts(_docx(tmp_path, paragraphs)) == seen


def test_a_choice_word_renders_is_read_and_its_fallback_is_not(tmp_path: Path, seen: dict[str, str]) -> None:
    paragraphs = [_p(_run(text)) for text in SEEN[:3]]
    paragraphs.append(
        _p(
            _run("2. Requests the Mission "),
            _alternate("w14", "", _run("not ")),
            _run(SEEN[3][len("2. Requests the Mission ") :]),
        )
    )
    paragraphs.append(_alternate("w14", _p(_run(SEEN[4])), _p(_run("3. " + HIDDEN_OP))))
    assert _verdicts(_docx(tmp_path, paragraphs)) == seen


def test_an_imported_chunk_is_named_in_a_warning(tmp_path: Path, seen: dict[str, str]) -> None:
    paragraphs = [_p(_run(text)) for text in SEEN]
    paragraphs.insert(
        4,
        '<w:altChunk r:id="rIdChunk" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>',
    )
    draft = _docx(tmp_path, paragraphs)
    result = invoke("check", draft, "--format", "json", inputs=[draft])
    assert result.exit_code == 0
    assert {f["rule"]: f["verdict"] for f in json.loads(result.stdout)["findings"]} == seen
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and str(draft) in warnings[0] and "altChunk" in warnings[0]


@pytest.mark.parametrize(
    "hidden",
    [
        ("<!-- not -->", "<!--\n3. " + HIDDEN_OP + "\n-->"),
        ('<span style="display:none">not</span>', "<div hidden>\n\n3. " + HIDDEN_OP + "\n\n</div>"),
        ("<span hidden>not </span>", '<p style="visibility: hidden">3. ' + HIDDEN_OP + "</p>"),
    ],
    ids=["comments", "display-none-and-hidden", "hidden-and-visibility"],
)
def test_markdown_comments_and_hidden_elements(
    tmp_path: Path, seen: dict[str, str], hidden: tuple[str, str]
) -> None:
    inline, block = hidden
    lines = [*SEEN[:3], SEEN[3].replace("Mission to", f"Mission {inline} to"), block, SEEN[4]]
    assert _verdicts(text_draft(tmp_path, "draft.md", "\n\n".join(lines) + "\n")) == seen


def test_an_unclosed_markdown_comment_hides_the_rest(tmp_path: Path, seen: dict[str, str]) -> None:
    text = "\n\n".join(SEEN) + "\n\n<!--\n\n4. " + HIDDEN_OP + "\n"
    assert _verdicts(text_draft(tmp_path, "draft.md", text)) == seen


@pytest.mark.parametrize("how", ["off-page-above", "off-page-left", "clipped", "clipped-in-a-form"])
def test_pdf_text_off_the_page_or_clipped(tmp_path: Path, seen: dict[str, str], how: str) -> None:
    shown = text_ops(SEEN)
    hidden = text_ops(["4. " + HIDDEN_OP, "5. Requests the Mission not to protect civilians;"], top=400)
    xobjects: list[bytes] = []
    if how == "off-page-above":
        hidden = text_ops(["4. " + HIDDEN_OP], top=2000)
    elif how == "off-page-left":
        hidden = text_ops(["4. " + HIDDEN_OP], x=-3000, top=400)
    elif how == "clipped":
        hidden = b"q 0 0 1 1 re W n " + hidden + b" Q"
    else:
        from tests.hostile.pdfs import form

        xobjects = [form(hidden)]
        hidden = b"q 0 0 2 2 re W n /X0 Do Q"
    path = tmp_path / "draft.pdf"
    path.write_bytes(one_page(shown + b"\n" + hidden + b"\n" + text_ops(["after"], top=100), xobjects))
    assert _verdicts(path) == seen


WHITE_STYLES = (
    "<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>"
    '<w:style w:type="character" w:styleId="Pale"><w:name w:val="Pale"/><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="character" w:styleId="Paler"><w:name w:val="Paler"/><w:basedOn w:val="Pale"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="PaleP"><w:name w:val="PaleP"/><w:rPr><w:color w:val="ffffff"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="Boxed"><w:name w:val="Boxed"/>'
    '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:pPr><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'
    "</w:style>"
)
WHITE = '<w:rPr><w:color w:val="FFFFFF"/></w:rPr>'


@pytest.mark.parametrize(
    ("hide_run", "hidden_paragraph"),
    [
        (_run("not ", WHITE), _p(_run("3. " + HIDDEN_OP, WHITE))),
        (
            _run("not ", '<w:rPr><w:color w:val="FFFFFF" w:themeColor="background1"/></w:rPr>'),
            _p(_run("3. " + HIDDEN_OP), ppr='<w:pPr><w:pStyle w:val="PaleP"/></w:pPr>'),
        ),
        (
            _run("not ", '<w:rPr><w:rStyle w:val="Paler"/></w:rPr>'),
            _p(_run("3. " + HIDDEN_OP, '<w:rPr><w:rStyle w:val="Pale"/></w:rPr>')),
        ),
    ],
    ids=["direct", "theme-background-and-paragraph-style", "through-based-on-styles"],
)
def test_word_white_text_on_a_white_page_is_not_read_and_is_named(
    tmp_path: Path, seen: dict[str, str], hide_run: str, hidden_paragraph: str
) -> None:
    paragraphs = _with_hidden(hide_run, "")
    paragraphs[4] = hidden_paragraph
    draft = _docx(tmp_path, paragraphs, WHITE_STYLES)
    result = invoke("check", draft, "--format", "json", inputs=[draft])
    assert result.exit_code == 0
    assert {f["rule"]: f["verdict"] for f in json.loads(result.stdout)["findings"]} == seen
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and str(draft) in warnings[0] and "white" in warnings[0]
    assert "not" in warnings[0]  # the words left out are quoted, so the drafter can find them


def _white_paragraphs(paragraph_ppr: str = "", run_extra: str = "") -> list[str]:
    """The hostile draft's two white places (a 'not' in OP 2, a whole OP 3), on the background asked for."""
    white = f'<w:rPr><w:color w:val="FFFFFF"/>{run_extra}</w:rPr>'
    return [
        *(_p(_run(text)) for text in SEEN[:3]),
        _p(
            _run("2. Requests the Mission "),
            _run("not ", white),
            _run("to protect civilians irrespective of the source of the threat;"),
            ppr=paragraph_ppr,
        ),
        _p(_run("3. " + HIDDEN_OP, white), ppr=paragraph_ppr),
        _p(_run("4." + SEEN[4][2:])),
    ]


@pytest.mark.parametrize(
    "how",
    [
        "highlighted-run",
        "shaded-run",
        "shaded-paragraph",
        "paragraph-style-with-shading",
        "shaded-cell",
        "dark-page",
    ],
)
def test_word_white_text_on_a_coloured_background_is_read(
    tmp_path: Path, seen: dict[str, str], shown_whole: dict[str, str], how: str
) -> None:
    """White on a coloured background is what a reader sees: read, and no warning."""
    paragraphs = _white_paragraphs(
        paragraph_ppr={
            "shaded-paragraph": '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="000000"/></w:pPr>',
            "paragraph-style-with-shading": '<w:pPr><w:pStyle w:val="Boxed"/></w:pPr>',
        }.get(how, ""),
        run_extra={
            "highlighted-run": '<w:highlight w:val="black"/>',
            "shaded-run": '<w:shd w:val="clear" w:color="auto" w:fill="C00000"/>',
        }.get(how, ""),
    )
    if how == "shaded-cell":
        paragraphs[3:5] = [
            '<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="2F5496"/>'
            f"</w:tcPr>{paragraphs[3]}{paragraphs[4]}</w:tc></w:tr></w:tbl>"
        ]
    draft = _docx(tmp_path, paragraphs, WHITE_STYLES)
    if how == "dark-page":
        body = f'<w:document {W} {MC}><w:background w:color="000000"/><w:body>{"".join(paragraphs)}</w:body></w:document>'
        draft = rezip(draft, tmp_path / "dark.docx", {"word/document.xml": body.encode()})
    result = invoke("check", draft, "--format", "json", inputs=[draft])
    assert result.exit_code == 0
    assert {f["rule"]: f["verdict"] for f in json.loads(result.stdout)["findings"]} == shown_whole
    assert not [line for line in result.stderr.splitlines() if "warning" in line]


@pytest.mark.parametrize("fill", [b"1 g", b"1 1 1 rg", b"0 0 0 0 k"], ids=["gray", "rgb", "cmyk"])
def test_pdf_white_text_on_the_white_page_is_not_read(
    tmp_path: Path, seen: dict[str, str], fill: bytes
) -> None:
    hidden = (
        fill
        + b" "
        + text_ops(["4. " + HIDDEN_OP, "5. Requests the Mission not to protect civilians;"], top=400)
    )
    path = tmp_path / "draft.pdf"
    path.write_bytes(one_page(text_ops(SEEN) + b"\n" + hidden + b"\n0 g " + text_ops(["after"], top=100)))
    result = invoke("check", path, "--format", "json", inputs=[path])
    assert result.exit_code == 0
    assert {f["rule"]: f["verdict"] for f in json.loads(result.stdout)["findings"]} == seen
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and str(path) in warnings[0] and "white" in warnings[0]


def test_pdf_white_text_on_a_dark_box_is_read(tmp_path: Path, seen: dict[str, str]) -> None:
    box = b"q 0 0 0.5 rg 40 330 540 100 re f Q"
    hidden = b"1 g " + text_ops(
        ["4. " + HIDDEN_OP, "5. Requests the Mission not to protect civilians;"], top=400
    )
    path = tmp_path / "draft.pdf"
    path.write_bytes(
        one_page(text_ops(SEEN) + b"\n" + box + b"\n" + hidden + b"\n0 g " + text_ops(["after"], top=100))
    )
    result = invoke("check", path, "--format", "json", inputs=[path])
    assert result.exit_code == 0
    assert {f["rule"]: f["verdict"] for f in json.loads(result.stdout)["findings"]} != seen
    assert not [line for line in result.stderr.splitlines() if "warning" in line]
