"""The one place where user text is made safe to show: terminal, Markdown and HTML.

Session files may hold anything a person typed. Before it is shown, every character
that could steer a terminal or a reader (ESC, C0 and C1 controls, DEL, bidi overrides
and isolates, zero-width and other invisible format characters, line and paragraph
separators) is replaced by a visible `⟨U+XXXX⟩`, so nothing is silently dropped and
nothing reaches the terminal raw. Rich markup is never interpreted: the terminal
renderer builds `rich.text.Text` objects from `clean()`ed strings (see `text.py`),
never markup strings. Markdown and HTML get their own escaping here as well, each used
by its writer in one place (`markdown._escaped`, and `markup.escape`, through which
every HTML and SVG element is built).
"""

from __future__ import annotations

import html
import re

# What is unsafe, and how it is shown, is decided in one leaf module that messages use too.
from evaltool.i18n.textsafe import clean as clean


def one_line(text: object) -> str:
    """`clean(text)` on one line: newlines become spaces (table cells, headings)."""
    return " ".join(clean(text).split())


# Characters with a meaning anywhere in a line (emphasis, code, links, tables, HTML) ...
_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
# ... and those that only mean something at the start of a line (headings, lists, quotes).
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])")


def markdown(text: object) -> str:
    """User text as literal Markdown: markup characters escaped, HTML neutralised.

    `<`, `>` and `&` become entities (a Markdown reader passes raw HTML through);
    characters with a meaning in CommonMark get a backslash, those that only count at
    the start of a line only there, so that the report still reads well as plain text.
    Newlines stay, as explicit hard line breaks (a trailing backslash).
    """
    value = clean(text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MD_INLINE.sub(r"\\\1", value)
    lines = []
    for line in value.split("\n"):
        line = line.strip()
        if line:
            lines.append(_MD_LINE_START.sub(_escape_start, line))
    return "\\\n".join(lines)


def _escape_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():
        return match.group(1) + marker[:-1] + "\\" + marker[-1]
    return match.group(1) + "\\" + marker


def markdown_line(text: object) -> str:
    return markdown(one_line(text))


def html_text(text: object) -> str:
    """User text as HTML character data or attribute value: every markup character escaped."""
    return html.escape(clean(text), quote=True)
