"""The JSON report: the summary data as it is, for other tools.

The shape is documented in docs/reports.md ("The JSON shape") and carries a
`format_version`; fields are only ever added within a version. Text is kept exactly
(UTF-8, not `\\u`-escaped), except that characters which could steer a terminal that
shows the JSON (controls, bidi overrides, zero-width characters) are written as JSON
`\\uXXXX` escapes: a JSON reader gets the very same string back.
"""

from __future__ import annotations

import json

from evaltool.i18n.textsafe import reveal
from evaltool.report.contract import Summary


def _json_escape(codepoint: int) -> str:
    """An unsafe character as JSON escapes (two for one beyond the BMP, as UTF-16 has)."""
    data = chr(codepoint).encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(data[i:i + 2], 'big'):04x}"
                   for i in range(0, len(data), 2))


def render(summary: Summary) -> str:
    """The summary as indented JSON text, ending in a newline. json.dumps escapes the C0
    controls itself; every other unsafe character (`textsafe`'s one rule) is escaped here."""
    return reveal(json.dumps(summary, ensure_ascii=False, indent=2), _json_escape) + "\n"


def report(summary: Summary, width: int = 80) -> str:
    """The report as JSON: the summary data itself (the width is not used)."""
    return render(summary)
