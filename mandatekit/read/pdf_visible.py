"""Only the text a PDF shows is the draft: a glyph drawn outside the page, or outside the clipping path that
holds when it is drawn, is on no page a reader sees; nor is a glyph filled white where nothing coloured has
been painted beneath it (white text on the white page). pdfminer keeps every glyph and ignores clipping, so
these mixins (for its interpreter and its layout device) track the clip as a rectangle in device space, as
q/Q, W/W* and forms change it, and drop the glyphs a reader would not see."""

from __future__ import annotations

from typing import Any

Rect = tuple[float, float, float, float]
_SLACK = 1.0  # points: a glyph whose middle sits on the edge is shown
# Filled shapes remembered per page to tell white text on a coloured box from white text on the page; past
# this many, a page counts as painted everywhere (white text on it is kept) rather than holding them all.
MAX_PAINTED_SHAPES = 5000


def _apply(m: Any, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def path_box(path: list[tuple[Any, ...]], ctm: Any) -> Rect | None:
    """The bounding box, in device space, of a path as pdfminer records it (('m', x, y), ('c', ...))."""
    xs, ys = [], []
    for segment in path:
        coords = [v for v in segment[1:] if isinstance(v, int | float)]
        for x, y in zip(coords[::2], coords[1::2], strict=False):
            dx, dy = _apply(ctm, x, y)
            xs.append(dx)
            ys.append(dy)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _intersect(a: Rect | None, b: Rect) -> Rect:
    if a is None:
        return b
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _inside(x: float, y: float, box: Rect) -> bool:
    return box[0] - _SLACK <= x <= box[2] + _SLACK and box[1] - _SLACK <= y <= box[3] + _SLACK


class ClipTracking:
    """Mixin for pdfminer's PDFPageInterpreter: keeps `clip` (and the device's) as the content stream sets
    it. A clip is only ever narrowed, as in PDF; Q restores the one saved by its q."""

    clip: Rect | None = None
    device: Any
    curpath: list[Any]
    ctm: Any

    def _set_clip(self, clip: Rect | None) -> None:
        self.clip = clip
        self.device.clip = clip

    def process_page(self, page: Any) -> None:
        self._set_clip(None)
        self.__dict__["clips"] = []
        super().process_page(page)  # type: ignore[misc]

    def do_q(self) -> None:
        super().do_q()  # type: ignore[misc]
        self.__dict__.setdefault("clips", []).append(self.clip)

    def do_Q(self) -> None:
        super().do_Q()  # type: ignore[misc]
        clips = self.__dict__.get("clips")
        if clips:
            self._set_clip(clips.pop())

    def do_W(self) -> None:
        box = path_box(self.curpath, self.ctm)
        if box is not None:
            self._set_clip(_intersect(self.clip, box))

    def do_W_a(self) -> None:
        self.do_W()

    def subinterp(self) -> Any:
        sub = super().subinterp()  # type: ignore[misc]
        sub.clip = self.clip  # a form is drawn inside the clip in force where it is invoked
        return sub


def _is_white(colour: Any) -> bool:
    """A fill colour as pdfminer keeps it (gray, RGB or CMYK components) that is white."""
    values = colour if isinstance(colour, list | tuple) else [colour]
    if not values or not all(isinstance(v, int | float) for v in values):
        return False  # a pattern or a named colour: not known to be white
    if len(values) == 4:  # CMYK: no ink
        return all(v <= 0.01 for v in values)
    return len(values) in (1, 3) and all(v >= 0.99 for v in values)


class VisibleOnly:
    """Mixin for pdfminer's layout device: a glyph whose middle lies off the page or outside the clip in
    force is dropped as it is drawn, and so is a white glyph with no coloured shape filled beneath it
    (counted in `unseen_white`). Text drawn invisibly (render mode 3) is kept: it is how OCR puts the
    words of a scanned page over its image, which a reader does see."""

    clip: Rect | None = None
    page_box: Rect | None = None
    cur_item: Any
    unseen_white = 0

    def begin_page(self, page: Any, ctm: Any) -> None:
        super().begin_page(page, ctm)  # type: ignore[misc]
        self.page_box = tuple(self.cur_item.bbox)  # type: ignore[assignment]
        self.painted: list[Rect] | None = []

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        if fill and self.painted is not None and not _is_white(gstate.ncolor):
            box = path_box(path, getattr(self, "ctm", (1, 0, 0, 1, 0, 0)))
            if box is not None:
                self.painted.append(box)
                if len(self.painted) > MAX_PAINTED_SHAPES:
                    self.painted = None
        super().paint_path(gstate, stroke, fill, evenodd, path)  # type: ignore[misc]

    def _on_white(self, x: float, y: float) -> bool:
        return self.painted is not None and not any(_inside(x, y, box) for box in self.painted)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        advance: float = super().render_char(*args, **kwargs)  # type: ignore[misc]
        objects = self.cur_item._objs
        if objects:
            glyph = objects[-1]
            x, y = (glyph.x0 + glyph.x1) / 2, (glyph.y0 + glyph.y1) / 2
            if (self.page_box is not None and not _inside(x, y, self.page_box)) or (
                self.clip is not None and not _inside(x, y, self.clip)
            ):
                objects.pop()
            elif _is_white(glyph.graphicstate.ncolor) and self._on_white(x, y):
                objects.pop()
                self.unseen_white += 1
        return advance
