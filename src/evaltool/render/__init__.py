"""Turning summary data (from `evaltool.summary`) into text, Markdown, HTML, SVG and JSON.

Renderers compute nothing: they lay out what the summary holds. Every piece of user
text passes through `evaltool.render.safe` on its way out.
"""

from collections.abc import Mapping
from typing import Any


def count_of(item: Mapping[str, Any]) -> int:
    """In how many sessions a tag, phrase or SDG came back (`sessions` lists the latest)."""
    return int(item.get("count", len(item["sessions"])))


def omitted(summary: Mapping[str, Any], what: str) -> int:
    """How many sessions or follow-up threads a long route's overview does not list."""
    return int(summary.get("omitted", {}).get(what, 0))
