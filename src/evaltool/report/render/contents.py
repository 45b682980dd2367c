"""What a report holds, in the order of the report layout: one session's story or a
learning route's overview, as a format-neutral outline for the writers to lay out."""

from __future__ import annotations

from evaltool.report.contract import Summary
from evaltool.report.render.layout import load_layout
from evaltool.report.render.outline import Document
from evaltool.report.render.overview import route_outline
from evaltool.report.render.story import session_outline


def outline(summary: Summary) -> Document:
    """The outline of a report, in the order of the report layout."""
    layout = load_layout()
    if summary["kind"] == "route":
        return route_outline(summary, layout)
    return session_outline(summary, layout)
