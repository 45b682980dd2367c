"""The JSON report: the summary data as it is, for other tools.

The shape is documented in docs/reports.md ("The JSON shape") and carries a
`format_version`; fields are only ever added within a version. Text is kept exactly
(UTF-8, not `\\u`-escaped), except that characters which could steer a terminal that
shows the JSON (controls, bidi overrides, zero-width characters) are written as JSON
`\\uXXXX` escapes: a JSON reader gets the very same string back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from evaltool.i18n.textsafe import unsafe

_CANDIDATES = re.compile("[^\x00-\x7e]")


def _escape_unsafe(text: str) -> str:
    def escape(match: re.Match[str]) -> str:
        ch = match.group()
        if unsafe(ch):
            return "".join(f"\\u{unit:04x}" for unit in _utf16(ch))
        return ch

    # Only characters beyond ASCII (and DEL) are looked at; json.dumps escaped the C0 ones.
    return _CANDIDATES.sub(escape, text)


def _utf16(ch: str) -> list[int]:
    data = ch.encode("utf-16-be")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]


def render(summary: Mapping[str, Any]) -> str:
    """The summary as indented JSON text, ending in a newline."""
    text = json.dumps(summary, ensure_ascii=False, indent=2)
    return _escape_unsafe(text) + "\n"


def report(summary: Mapping[str, Any], width: int = 80) -> str:
    """The report as JSON: the summary data itself (the width is not used)."""
    return render(summary)
