"""The format-neutral outline of a report: headings, paragraphs, lists, tables, figures, notices.

A report is built once as an outline (`evaltool.report.render.story` for one session,
`evaltool.report.render.overview` for a learning route) and laid out by a thin writer per
format (`text`, `markdown`, `html`). Every piece of text in an outline is plain,
unescaped text, whether a person typed it or it comes from a catalog; a writer escapes
each piece exactly once, in one place, so no section can forget it. Styling is
expressed by `Span` styles, never by markup inside the text.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Literal

from evaltool.report.contract import NsobMap, Participant, RouteSummary

Style = Literal["plain", "strong", "emph", "meta", "mark"]
"""`strong` and `emph` as in prose; `meta` for details in a smaller voice (status, dates);
`mark` for a warning the reader must not miss (a confidential item in the internal copy)."""


@dataclass(frozen=True)
class Span:
    text: str
    style: Style = "plain"


Inline = str | Span
Inlines = tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    level: int  # 1: the report's title, 2: a section, 3: a part of a section
    content: Inlines


@dataclass(frozen=True)
class Paragraph:
    content: Inlines
    kind: Literal["body", "masthead", "byline", "meta"] = "body"


@dataclass(frozen=True)
class Item:
    content: Inlines
    children: tuple[Block, ...] = ()


@dataclass(frozen=True)
class BulletList:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Table:
    head: tuple[Inlines, ...]
    rows: tuple[tuple[Inlines, ...], ...]
    numeric: frozenset[int] = frozenset()  # columns of numbers, right-aligned
    narrow: tuple[Item, ...] = ()  # the same facts as a list, for narrow terminals


@dataclass(frozen=True)
class NsobFigure:
    """What the NSOB map of one session draws: the map, and its participants by id."""

    map: NsobMap
    people: dict[str, Participant]


@dataclass(frozen=True)
class Figure:
    """A drawing that each writer makes in its own way (an SVG, a text grid, a list): the
    NSOB map of a session, or one of a route's (drawn from the whole overview)."""

    kind: Literal["nsob_map", "spread", "threads"]
    data: NsobFigure | RouteSummary
    caption: str
    description: tuple[Block, ...] = ()  # the figure's content in words, for every reader


@dataclass(frozen=True)
class Notice:
    """Text set apart: `internal` opens a copy that must not be published, `draft` says the
    session is not final, `colophon` closes a published copy with its rules."""

    kind: Literal["internal", "draft", "colophon"]
    blocks: tuple[Block, ...]


Block = Heading | Paragraph | BulletList | Table | Figure | Notice


@dataclass
class Document:
    title: str
    language: str
    internal: bool
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)


def spans(template: str, **values: Inline | Inlines) -> Inlines:
    """A catalog text with its `{placeholders}` filled in, keeping each value's style."""
    out: list[Inline] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            out.append(literal)
        if name is None:
            continue
        value = values[name]
        if isinstance(value, tuple):
            out.extend(value)
        else:
            out.append(value)
    return tuple(out)


def plain(content: Inlines) -> str:
    """The words of inline content, without styles (a title, an alternative text)."""
    return "".join(part.text if isinstance(part, Span) else part for part in content)
