"""The output formats, one list for every command that writes a report: `summarize` and `diff`.

A format is a `Format` and one entry in `FORMATS`: the writer of a report (a function
from summary data to text), and whether `diff` writes it. A report writer lays out the
format-neutral outline (`contents.outline`), so a new format is one writer. Writers are named
as "module:function" and imported only when used, so that `evaltool --help` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evaltool.report.contract import Summary


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"


@dataclass(frozen=True)
class Writers:
    report: str
    """`module:function(summary, width) -> str`."""
    diff: bool = False
    """Whether `evaltool diff` writes this format (see `evaltool.git.diffrender`)."""


FORMATS: dict[Format, Writers] = {
    Format.TEXT: Writers("evaltool.report.render.text:render_to_string", diff=True),
    Format.MARKDOWN: Writers("evaltool.report.render.markdown:report", diff=True),
    Format.HTML: Writers("evaltool.report.render.html:report"),
    Format.JSON: Writers("evaltool.report.render.json:report", diff=True),
}


def report_formats() -> list[Format]:
    return list(FORMATS)


def diff_formats() -> list[Format]:
    return [fmt for fmt, writers in FORMATS.items() if writers.diff]


def report_writer(fmt: Format) -> Callable[[Summary, int], str]:
    """The function that writes a report in `fmt`."""
    module, _, name = FORMATS[fmt].report.partition(":")
    writer: Callable[[Summary, int], str] = getattr(import_module(module), name)
    return writer
