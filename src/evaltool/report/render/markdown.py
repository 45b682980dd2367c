"""The Markdown report: a thin writer that lays out a report's outline as CommonMark.

It reads like the municipality's newsletter (the outline decides what it says); every
text passes through `_escaped`, the one place where it is made literal Markdown. The
NSOB map is the terminal's text grid in a fenced block, readable everywhere Markdown is.
"""

from __future__ import annotations

import re

from evaltool.i18n.escaping import markdown, markdown_line
from evaltool.report.contract import Summary
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
    Table,
)
from evaltool.report.render.text import group_to_string, render_map

_WRAP = {"plain": ("", ""), "strong": ("**", "**"), "emph": ("*", "*"), "meta": ("*", "*"),
         "mark": ("**[", "]**")}
_PARAGRAPH = {"body": ("", ""), "masthead": ("**", "**"), "byline": ("*", "*"),
              "meta": ("*", "*")}


def _escaped(value: str, one_line: bool) -> str:
    """Text as literal Markdown, keeping the spaces around it (spans follow each other)."""
    core = value.strip()
    if not core:
        return " " if value else ""
    lead = " " if value[: len(value) - len(value.lstrip())] else ""
    trail = " " if value[len(value.rstrip()):] else ""
    return lead + (markdown_line(core) if one_line else markdown(core)) + trail


def inline(content: Inlines, *, one_line: bool = True) -> str:
    out = []
    for part in content:
        if isinstance(part, Span):
            before, after = _WRAP[part.style]
            text = _escaped(part.text, one_line)
            core = text.strip()
            out.append(text[: len(text) - len(text.lstrip())] + before + core + after
                       + text[len(text.rstrip()):] if core else text)
        else:
            out.append(_escaped(part, one_line))
    return "".join(out)


def write(document: Document) -> str:
    out: list[str] = []
    for block in document.blocks:
        out += _block(block, document.language)
    return "\n".join(out).rstrip() + "\n"


def _block(block: Block, language: str) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + inline(block.content), ""]
    if isinstance(block, Paragraph):
        before, after = _PARAGRAPH[block.kind]
        return [before + inline(block.content, one_line=False) + after, ""]
    if isinstance(block, BulletList):
        return [*_list(block.items, ""), ""]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        return _figure(block, language)
    return _notice(block, language)


def _list(items: tuple[Item, ...], indent: str) -> list[str]:
    lines = []
    for item in items:
        lines.append(f"{indent}- {inline(item.content)}")
        for child in item.children:
            if isinstance(child, BulletList):
                lines += _list(child.items, indent + "  ")
            elif isinstance(child, Paragraph):
                lines += ["", f"{indent}  {inline(child.content)}"]
    return lines


def _table(table: Table) -> list[str]:
    def row(cells: tuple[Inlines, ...]) -> str:
        return "| " + " | ".join(inline(cell) for cell in cells) + " |"

    rule = "|" + "|".join("---:" if index in table.numeric else "---"
                          for index in range(len(table.head))) + "|"
    return [row(table.head), rule, *(row(cells) for cells in table.rows), ""]


def _figure(figure: Figure, language: str) -> list[str]:
    """The NSOB map as the terminal's grid in a fenced block; the overview's drawings are
    told by the tables and lists next to them."""
    if not isinstance(figure.data, NsobFigure):
        return []

    grid = group_to_string(render_map(figure.data.map, figure.data.people, language, 78),
                           78).strip("\n")
    # A fence longer than any run of backticks in the grid: nothing inside can close it.
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", grid)), default=0))
    return [f"{fence}text", grid, fence, "", f"*{_escaped(figure.caption, True)}*", ""]


def _notice(notice: Notice, language: str) -> list[str]:
    lines = []
    for block in notice.blocks:
        lines += _block(block, language)
    if notice.kind == "internal":
        return [f"> {line}" if line else ">" for line in lines[:-1]] + [""]
    if notice.kind == "colophon":
        return ["---", "", *lines]
    return lines


def report(summary: Summary, width: int = 80) -> str:
    """The report of a session or a route as Markdown."""
    return write(outline(summary))


render = report
