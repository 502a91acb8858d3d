"""Hostile PDFs built in code, object by object."""

from __future__ import annotations


def stream(body: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(body), extra) + body + b"\nendstream"


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1; object 1 must be the catalog), with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_ops(lines: list[str], x: int = 72, top: int = 700, size: int = 11) -> bytes:
    """Content-stream operators drawing each line of text, one under the other."""
    ops = [b"BT /F1 %d Tf %d TL %d %d Td" % (size, size + 4, x, top)]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("latin-1") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def one_page(content: bytes, xobjects: list[bytes] = (), media_box: bytes = b"[0 0 612 792]") -> bytes:  # type: ignore[assignment]
    """A one-page PDF drawing `content`, with form XObjects /X0, /X1 ... as objects 6, 7 ... (each may refer to
    the others by those numbers)."""
    names = b" ".join(b"/X%d %d 0 R" % (i, 6 + i) for i in range(len(xobjects)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box + b" /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << " + names + b" >> >> >>",
        stream(content),
        FONT,
        *xobjects,
    ]
    return pdf(objects)


def form(body: bytes, xobject_names: bytes = b"") -> bytes:
    """A form XObject drawing `body`, with the named XObjects (b'/X1 7 0 R') and the font as resources."""
    return stream(
        body,
        b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << "
        + xobject_names
        + b" >> >> ",
    )
