"""The Jinja2 sandbox every template runs in, with resource limits. A user's template is untrusted: the sandbox
already keeps it out of Python; these limits keep it from exhausting the machine (a 100000 x 100000 loop,
'x' * 10**12, 10**10**10), and a CPU-time limit stops whatever else runs away."""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from mandatekit.errors import shown

MAX_RANGE = 10_000  # items in one range(): Jinja's own limit is 100000
MAX_LOOP_ITEMS = 1_000_000  # range() items over a whole rendering: nested ranges multiply
MAX_REPEAT = 1_000_000  # characters or items made by 'text' * n
MAX_POWER_BITS = 10_000  # size of the result of a ** b
MAX_OUTPUT_CHARS = 50_000_000  # a text memo (Markdown, HTML)
MAX_CPU_SECONDS = 60


class TemplateTimeout(Exception):
    """The template ran past its CPU-time limit."""


class BoundedSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.range_budget = MAX_LOOP_ITEMS
        self.globals["range"] = self._range

    def _range(self, *args: int) -> range:
        items = range(*args)
        try:
            size = len(items)
        except OverflowError:
            size = MAX_RANGE + 1
        if size > MAX_RANGE:
            raise SecurityError(f"range() of more than {MAX_RANGE} items: templates are limited to that")
        self.range_budget -= size
        if self.range_budget < 0:
            raise SecurityError(f"the template's ranges add up to more than {MAX_LOOP_ITEMS} items")
        return items

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > MAX_REPEAT
                ):
                    raise SecurityError(f"repeating a value to more than {MAX_REPEAT} items is not allowed")
        elif (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and right > 0
            and max(abs(left), 2).bit_length() * right > MAX_POWER_BITS
        ):
            raise SecurityError(f"a power larger than {MAX_POWER_BITS} bits is not allowed")
        return super().call_binop(context, operator, left, right)


@contextmanager
def cpu_limit(seconds: float | None = None) -> Iterator[None]:
    """Raise TemplateTimeout in the block after `seconds` of CPU time. Only in the main thread of a system
    with interval timers (not Windows); elsewhere the limits of BoundedSandbox are all there is."""
    seconds = MAX_CPU_SECONDS if seconds is None else seconds
    timer = getattr(signal, "ITIMER_VIRTUAL", None)
    if timer is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise TemplateTimeout(f"the template ran for more than {seconds:g} s of CPU time and was stopped")

    previous = signal.signal(signal.SIGVTALRM, stop)
    signal.setitimer(timer, seconds)
    try:
        yield
    finally:
        signal.setitimer(timer, 0)
        signal.signal(signal.SIGVTALRM, previous)


TEMPLATE_SUFFIX = ".j2"


def shipped_templates(folder: Path, main: str | None) -> Any:
    """A loader for a user's template folder that reads only what a template ships: the template given
    (`main`) and template files (.j2) beside it or below, none hidden (no part of the name starting with
    '.'), none reached through a link out of the folder. `{% include ".ssh/id_rsa" %}` in a template kept
    in a home folder reads nothing: the sandbox keeps a template out of Python, this keeps it out of the
    user's other files."""
    from jinja2 import FileSystemLoader, TemplateNotFound

    root = folder.resolve()

    class ShippedOnly(FileSystemLoader):
        def get_source(self, environment: Any, template: str) -> Any:
            parts = template.replace("\\", "/").split("/")
            if template != main and (
                not template.endswith(TEMPLATE_SUFFIX) or any(p.startswith(".") for p in parts)
            ):
                raise TemplateNotFound(template, f"{template}: {_SHIPPED_ONLY}")
            source, filename, uptodate = super().get_source(environment, template)
            if not Path(filename).resolve().is_relative_to(root):
                raise TemplateNotFound(template, f"{template}: {_SHIPPED_ONLY}")
            return source, filename, uptodate

    return ShippedOnly(str(folder))


_SHIPPED_ONLY = (
    "not a template this template ships: it may include only template files (.j2) in its own folder, "
    "none hidden, none linked from elsewhere"
)


def render_bounded(template: Any, context: dict[str, Any]) -> str:
    """Render a text template, stopping at MAX_OUTPUT_CHARS."""
    out: list[str] = []
    size = 0
    for chunk in template.generate(**context):
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise SecurityError(f"the template's output passed {MAX_OUTPUT_CHARS:,} characters")
        out.append(chunk)
    return "".join(out)


# A link or an image needs a ']' followed by '(' (inline), '[' (reference) or ':' (a definition, which a
# shortcut '[x]' then points to): that ']' escaped, none can form. The '[' that opens it is escaped with it,
# so the source reads '\[x\](y)' (both or neither), not '[x\](y)'. Brackets elsewhere ('[UN Mission]',
# unagreed text) stay as the draft has them.
_MARKDOWN_SYNTAX = re.compile(r"\\|\[(?=[^\[\]\n]*\][(\[:])|\](?=[(\[:])|[&<>]")
_MARKDOWN_ESCAPES = {"\\": "\\\\", "[": "\\[", "]": "\\]", "&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape_markdown_html(value: Any) -> Any:
    """Markdown passes HTML through to the page: text from a draft (a '<script>') is escaped as the HTML memo
    escapes it. Its link and image syntax is escaped too: '![x](https://tracker/p.png)' would fetch an image
    when the memo is opened, '[click](javascript:...)' would be a link (a backslash of the draft's own is
    escaped too, so that it cannot undo ours). Characters a terminal would
    act on are made visible. Markup a template marked safe itself is left alone."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return shown(_MARKDOWN_SYNTAX.sub(_markdown_escape, value))
    return value


def _markdown_escape(match: re.Match[str]) -> str:
    return _MARKDOWN_ESCAPES[match.group()]


def shown_text(value: Any) -> Any:
    """For an HTML memo: characters a terminal would act on made visible (HTML itself is autoescaped)."""
    return shown(value) if isinstance(value, str) else value
