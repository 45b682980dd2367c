"""The terminal report: a thin writer that lays out a report's outline with rich.

User text only ever enters rich as `Text` objects built from `safe.clean()`ed strings
(in `text()`, the one place), so rich markup in a finding (`[red]`, `[link=...]`) is
shown as typed. The NSOB map is a 3×3 grid (quadrants in the corners, the borders
between neighbours in between) when there is room, and a list of the four corners on
narrow terminals; the Markdown report carries the same grid.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from evaltool.i18n.escaping import clean
from evaltool.report.contract import MapQuadrant, NsobMap, Participant, Side, Summary
from evaltool.report.render import report_text as _t
from evaltool.report.render.contents import outline
from evaltool.report.render.outline import (
    Block,
    BulletList,
    Document,
    Figure,
    Heading,
    Inlines,
    Item,
    Notice,
    NsobFigure,
    Paragraph,
    Span,
    plain,
)
from evaltool.report.render.outline import Table as OutlineTable

NARROW = 60
STYLES = {"plain": "", "strong": "bold", "emph": "italic", "meta": "dim", "mark": "bold reverse"}
PARAGRAPH_STYLES = {"body": "", "masthead": "dim", "byline": "italic", "meta": "italic dim"}


def text(value: object, style: str = "") -> Text:
    """User or catalog text as a rich `Text`: the one place where text is made safe."""
    return Text(clean(value), style=style)


def inline(content: Inlines, style: str = "") -> Text:
    result = Text(style=style)
    for part in content:
        if isinstance(part, Span):
            value = f"[{part.text}]" if part.style == "mark" else part.text
            result.append_text(text(value, STYLES[part.style]))
        else:
            result.append_text(text(part))
    return result


class _Heading:
    """A section title on a rule; on a narrow terminal the title wraps above the rule."""

    def __init__(self, label: Text) -> None:
        self.label = label

    def __rich_console__(self, console: Console, options: Any) -> Any:
        yield Text("")
        if len(self.label) + 6 <= options.max_width:
            yield Rule(self.label, align="left", style="dim")
        else:
            yield self.label
            yield Rule(style="dim")


def _bullets(items: Iterable[RenderableType]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1, no_wrap=True)
    table.add_column(ratio=1)
    for item in items:
        table.add_row("•", item)
    return table


def console_for(stream: Any, *, width: int | None = None, color: bool = True) -> Console:
    """A console that never interprets markup, emoji codes or highlights user text."""
    return Console(file=stream, width=width, color_system="auto" if color else None,
                   no_color=not color, markup=False, emoji=False, highlight=False,
                   soft_wrap=False, force_terminal=None if color else False)


# --- the writer ------------------------------------------------------------------------------


def write(document: Document, width: int) -> Group:
    """The outline as rich renderables, laid out for `width` columns."""
    parts: list[RenderableType] = []
    previous: Block | None = None
    for block in document.blocks:
        rendered = _block(block, width, document.language)
        if rendered is None:
            continue
        if _spaced(previous, block):
            parts.append(Text(""))
        parts.append(rendered)
        previous = block
    return Group(*parts)


def _spaced(previous: Block | None, block: Block) -> bool:
    """A blank line between blocks, but not under a title or heading, nor above a rule."""
    if previous is None or isinstance(previous, Heading) or (
            isinstance(block, Heading) and block.level == 2):
        return False
    if isinstance(previous, Paragraph) and previous.kind in ("masthead", "byline") and not (
            isinstance(block, Paragraph) and block.kind == "body"):
        return False
    return True


def _block(block: Block, width: int, language: str) -> RenderableType | None:
    if isinstance(block, Heading):
        if block.level == 1:
            return inline(block.content, "bold reverse")
        if block.level == 2:
            return _Heading(inline(block.content, "bold"))
        return inline(block.content, "bold")
    if isinstance(block, Paragraph):
        return inline(block.content, PARAGRAPH_STYLES[block.kind])
    if isinstance(block, BulletList):
        return _list(block.items, width, language)
    if isinstance(block, OutlineTable):
        return _table(block, width, language)
    if isinstance(block, Figure):
        if not isinstance(block.data, NsobFigure):
            return None  # the overview's drawings: their tables and lists say it all here
        return Group(render_map(block.data.map, block.data.people, language, width),
                     text(block.caption, "italic dim"))
    return _notice(block, width, language)


def _list(items: tuple[Item, ...], width: int, language: str) -> Table:
    rendered: list[RenderableType] = []
    for item in items:
        content: RenderableType = inline(item.content)
        if item.children:
            children = [_block(child, width, language) for child in item.children]
            content = Group(content, *(child for child in children if child is not None))
        rendered.append(content)
    return _bullets(rendered)


def _table(table: OutlineTable, width: int, language: str) -> RenderableType:
    if width < NARROW and table.narrow:  # five columns do not fit: one line per row
        return _list(table.narrow, width, language)
    out = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False)
    # The first column names the row (a date, a role): kept whole when it takes a quarter
    # of the width at most.
    first = max((len(plain(row[0])) for row in table.rows), default=0)
    for index, cell in enumerate(table.head):
        numeric = index in table.numeric
        out.add_column(inline(cell), justify="right" if numeric else "left", overflow="fold",
                       no_wrap=index == 0 and first <= width // 4,
                       # a heading over numbers breaks between words, not inside one
                       min_width=max(map(len, plain(cell).split())) if numeric else None)
    for row in table.rows:
        out.add_row(*(inline(cell) for cell in row))
    return out


def _notice(notice: Notice, width: int, language: str) -> RenderableType:
    blocks = [_block(block, width, language) for block in notice.blocks]
    group = Group(*(block for block in blocks if block is not None))
    if notice.kind == "colophon":
        return Padding(group, (1, 0, 0, 0))
    return group


# --- the NSOB map ----------------------------------------------------------------------------


def _marker(participant: Participant | None) -> str:
    orientation = participant["orientation"] if participant else None
    return f" ({orientation['label']})" if orientation else ""


def _people(ids: list[str], people: Mapping[str, Participant]) -> Text:
    result = Text()
    for index, participant_id in enumerate(ids):
        if index:
            result.append("\n")
        person = people.get(participant_id)
        result.append_text(text(f"{person['number'] if person else '?'}. ", "bold"))
        result.append_text(text(person["label"] if person else participant_id))
        result.append_text(text(_marker(person), "dim"))
    return result


def render_map(nsob: NsobMap, people: Mapping[str, Participant], language: str,
               width: int) -> RenderableType:
    """The NSOB figure: a 3×3 grid when wide enough, else the corners as a list."""
    axes = nsob["axes"]
    corner = {(q["row"], q["column"]): q for q in nsob["quadrants"]}
    border = {b["side"]: b for b in nsob["borders"]}
    if width < NARROW:
        return _narrow_map(nsob, people, language)

    def cell(q: MapQuadrant) -> Text:
        content = text(q["label"], "bold")
        if q["participants"]:
            content.append("\n")
            content.append_text(_people(q["participants"], people))
        return content

    def between(side: Side) -> Text:
        b = border.get(side)
        if not b:
            return Text("")
        content = text(_t("on_border", language) + "\n", "italic dim")
        content.append_text(_people(b["participants"], people))
        return content

    has_middle_column = "top" in border or "bottom" in border
    table = Table(box=box.SQUARE, show_lines=True, expand=True, padding=(0, 1),
                  title=text("↑ " + axes["focus"]["result"], "italic"),
                  caption=text("↓ " + axes["focus"]["value"], "italic"))
    table.add_column(text("← " + axes["steering"]["inside_out"], "italic"),
                     ratio=1, overflow="fold")
    if has_middle_column:
        table.add_column("", ratio=1, overflow="fold")
    outside_in = text(axes["steering"]["outside_in"] + " →", "italic")
    outside_in.justify = "right"
    table.add_column(outside_in, ratio=1, justify="left", overflow="fold")

    def row(cells: list[Text], middle: Text) -> list[Text]:
        return [cells[0], middle, cells[1]] if has_middle_column else cells

    table.add_row(*row([cell(corner[(0, 0)]), cell(corner[(0, 1)])], between("top")))
    if "left" in border or "right" in border:
        table.add_row(*row([between("left"), between("right")], Text("")))
    table.add_row(*row([cell(corner[(1, 0)]), cell(corner[(1, 1)])], between("bottom")))
    parts: list[RenderableType] = [table]
    if nsob["unplaced"]:
        line = text(_t("not_placed", language) + " ", "italic")
        line.append_text(text(", ".join(f"{people[i]['number']}. {people[i]['label']}"
                                        for i in nsob["unplaced"] if i in people)))
        parts.append(line)
    return Group(*parts)


def _narrow_map(nsob: NsobMap, people: Mapping[str, Participant], language: str) -> Group:
    axes = nsob["axes"]
    parts: list[RenderableType] = []
    arrows = {(0, 0): "↖", (0, 1): "↗", (1, 0): "↙", (1, 1): "↘"}
    for q in nsob["quadrants"]:
        steering = axes["steering"]["inside_out" if q["column"] == 0 else "outside_in"]
        focus = axes["focus"]["result" if q["row"] == 0 else "value"]
        title = text(f"{arrows[(q['row'], q['column'])]} {q['label']}", "bold")
        title.append_text(text(f" ({steering}, {focus})", "italic dim"))
        parts.append(title)
        if q["participants"]:
            parts.append(Padding(_people(q["participants"], people), (0, 0, 0, 2)))
    for b in nsob["borders"]:
        labels = {q["key"]: q["short"] for q in nsob["quadrants"]}
        title = text(_t("border_between", language, first=labels[b["quadrants"][0]],
                        second=labels[b["quadrants"][1]]), "bold")
        parts.append(title)
        parts.append(Padding(_people(b["participants"], people), (0, 0, 0, 2)))
    if nsob["unplaced"]:
        parts.append(text(_t("not_placed", language), "italic"))
        parts.append(Padding(_people(nsob["unplaced"], people), (0, 0, 0, 2)))
    return Group(*parts)


def render(summary: Summary, width: int) -> Group:
    """The report of a session or a route, laid out for `width` columns."""
    return write(outline(summary), width)


def render_to_string(summary: Summary, width: int = 80) -> str:
    """The report as plain text at a fixed width (for files and golden tests)."""
    return group_to_string(render(summary, width), width)


def group_to_string(renderable: RenderableType, width: int) -> str:
    """Plain text of a renderable at a fixed width, without trailing spaces."""
    stream = io.StringIO()
    console = console_for(stream, width=width, color=False)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in stream.getvalue().split("\n"))
