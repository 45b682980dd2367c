"""The one place where user text is made safe to show: terminal, Markdown and HTML.

Session files may hold anything a person typed. Before it is shown, every character
that could steer a terminal or a reader (ESC, C0 and C1 controls, DEL, bidi overrides
and isolates, zero-width and other invisible format characters, line and paragraph
separators) is replaced by a visible `⟨U+XXXX⟩` (`evaltool.i18n.textsafe`, the one rule
and the one look), so nothing is silently dropped and nothing reaches the terminal raw.
Rich markup is never interpreted: the terminal renderer builds `rich.text.Text` objects
from `clean()`ed strings (see `text.py`), never markup strings. Markdown and HTML get
their escaping here as well: `markdown` (a report's text, and `markdown_span` for a piece
of a line, the diff's) and `html_text`, used through `markup.escape` by every HTML and SVG
element.
"""

from __future__ import annotations

import html
import re

from evaltool.i18n.textsafe import clean as clean


def one_line(text: object) -> str:
    """`clean(text)` on one line: newlines become spaces (table cells, headings)."""
    return " ".join(clean(text).split())


# Characters with a meaning anywhere in a line (emphasis, code, links, tables, HTML) ...
_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
# ... and those that only mean something at the start of a line (headings, lists, quotes).
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])")


def _markdown_line(line: str) -> str:
    """One line of clean text as literal Markdown: the one rule of what is escaped.

    `<`, `>` and `&` become entities (a Markdown reader passes raw HTML through);
    characters with a meaning in CommonMark anywhere get a backslash, and those that only
    count at the start of a line (a heading's `#`, a list's `-`, `+` or `1.`) only there,
    so that the text still reads well as plain text."""
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_LINE_START.sub(_escape_start, _MD_INLINE.sub(r"\\\1", line))


def markdown(text: object) -> str:
    """User text as a literal Markdown paragraph: each line trimmed and escaped
    (`_markdown_line`), lines joined by explicit hard line breaks (a trailing backslash);
    an empty line, which would end the paragraph, is left out."""
    lines = [line.strip() for line in clean(text).split("\n")]
    return "\\\n".join(_markdown_line(line) for line in lines if line)


def markdown_span(text: object) -> str:
    """User text as a literal piece of a Markdown line that others share (a diff's words):
    escaped as `markdown` escapes a line, its spaces kept, a newline written `<br>` so
    that the line goes on."""
    return "<br>".join(_markdown_line(line) for line in clean(text).split("\n"))


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
