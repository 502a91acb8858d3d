"""`mandatekit parse`: the structure of a draft as a table."""

from __future__ import annotations

import shutil

import click

from mandatekit.errors import shown
from mandatekit.read.model import Document, Kind

_KIND = {
    Kind.front_matter: "front",
    Kind.heading: "heading",
    Kind.preambular: "PP",
    Kind.operative: "OP",
    Kind.annex: "annex",
}


def render_document(document: Document) -> str:
    width = max(shutil.get_terminal_size((110, 24)).columns, 80)
    f = document.front
    lines = [click.style(shown(f"{document.path} ({document.format})"), bold=True)]
    lines.append(f"symbol: {f.symbol or '—'} · title: {f.title or '—'} · date: {f.date or '—'}")
    counts = {k: sum(p.kind is k for p in document.paragraphs) for k in Kind}
    lines.append(
        f"{counts[Kind.preambular]} preambular, {counts[Kind.operative]} operative paragraphs, "
        f"{counts[Kind.heading]} headings"
        + (f", {counts[Kind.annex]} annex paragraphs (not operative)" if counts[Kind.annex] else "")
        + "\n"
    )
    ref_w = max([14, *(len(p.ref) + 2 for p in document.paragraphs if p.ref)])  # 'Annex I, para 3(a)'
    lines.append(click.style(f"{'REF':<{ref_w}}{'KIND':<8}{'VERB (CLASS)':<30}TEXT", dim=True))
    text_w = max(width - 38 - ref_w, 20)
    for p in document.paragraphs:
        verb = f"{p.verb} ({p.verb_class.value})" if p.verb and p.verb_class else (p.verb or "")
        if p.verb_inherited:
            verb = "↳ " + verb
        text = p.text if len(p.text) <= text_w else p.text[: text_w - 1] + "…"
        if p.brackets:
            text += click.style(" [bracketed]", fg="yellow")
        lines.append(f"{p.ref or '':<{ref_w}}{_KIND[p.kind]:<8}{verb[:29]:<30}{text}")
    return "\n".join(lines) + "\n"
