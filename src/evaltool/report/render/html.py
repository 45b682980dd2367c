"""The HTML report: a thin writer that lays out a report's outline as one self-contained page.

No script, no external style sheet, font, image or link: the CSS is inline and a strict
Content-Security-Policy (`default-src 'none'`) forbids the page to load anything, so a
report opened from a mail or an intranet page cannot call home. Print styles lay it
out on A4. An internal copy opens with a banner and asks search engines not to index
it (`noindex`). Every element is made by `evaltool.report.render.markup.element`, which
escapes every text and attribute value, the drawings (`svg`) included.
"""

from __future__ import annotations

from evaltool.report.contract import Summary
from evaltool.report.render.contents import outline
from evaltool.report.render.markup import Markup, element, escape, join
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
from evaltool.report.render.svg import render_map, render_spread, render_threads

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: #1b1b1b; background: #ffffff; line-height: 1.45; margin: 0; }
main { max-width: 50rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem; color: #0b4f6c; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; color: #0b4f6c;
     border-bottom: 2px solid #d7e3ea; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.3rem 0 .4rem; }
.masthead { color: #0b4f6c; font-weight: bold; letter-spacing: .03em; margin: 0 0 .6rem;
            text-transform: uppercase; font-size: .85rem; }
.byline { color: #555555; font-style: italic; margin: 0 0 1rem; }
.internal { border: 3px solid #8a1c1c; background: #fdf0f0; color: #5c0f0f;
            padding: .7rem 1rem; margin: 0 0 1.5rem; }
.internal p { margin: 0; }
.draft { font-weight: bold; color: #8a1c1c; }
.mark { display: inline-block; border: 1px solid #8a1c1c; color: #8a1c1c;
        background: #fdf0f0; font-size: .75rem; letter-spacing: .05em;
        padding: 0 .35rem; border-radius: .2rem; }
.colophon { margin-top: 3rem; border-top: 1px solid #c9d3da; color: #444444;
            font-size: .9rem; }
.colophon h2 { font-size: 1rem; border: none; color: #444444; }
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: .85rem; color: #555555; margin-top: .3rem; }
svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #c9d3da; padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #eef3f8; }
td.num, th.num { text-align: right; }
tbody td:first-child { white-space: nowrap; }
ul { padding-left: 1.3rem; }
li { margin: .2rem 0; }
li > p { margin: .2rem 0; }
.meta { color: #555555; font-size: .9rem; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, ul, dl { break-inside: auto; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
}
"""

_TAGS = {"strong": ("strong", None), "emph": ("em", None), "meta": ("span", "meta"),
         "mark": ("strong", "mark")}
_BREAK = Markup("<br>\n")
_PARAGRAPHS = {"body": None, "masthead": "masthead", "byline": "byline", "meta": "meta"}


def inline(content: Inlines) -> Markup:
    parts = []
    for part in content:
        if isinstance(part, Span) and part.style != "plain":
            tag, cls = _TAGS[part.style]
            parts.append(element(tag, {"class": cls}, _lines(part.text)))
        else:
            parts.append(_lines(part.text if isinstance(part, Span) else part))
    return join(parts)


def _lines(text: str) -> Markup:
    """Text with its line breaks (`<br>` between lines)."""
    return join([escape(line) for line in text.split("\n")], _BREAK)


def write(document: Document) -> str:
    body = [_block(block, document.language) for block in document.blocks]
    head = [
        element("meta", {"charset": "utf-8"}),
        element("meta", {"http-equiv": "Content-Security-Policy", "content": CSP}),
        element("meta", {"name": "referrer", "content": "no-referrer"}),
        element("meta", {"name": "robots", "content": "noindex, nofollow"})
        if document.internal else None,
        element("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        element("title", None, document.title),
        element("style", None, Markup(STYLE)),
    ]
    newline = Markup("\n")  # one block a line: a diff of two reports stays readable
    page = element("html", {"lang": document.language}, newline,
                   element("head", None, newline, join([h for h in head if h], newline),
                           newline), newline,
                   element("body", None, newline,
                           element("main", None, newline, join(body, newline), newline),
                           newline), newline)
    return "<!DOCTYPE html>\n" + page + "\n"


def _block(block: Block, language: str) -> Markup:
    if isinstance(block, Heading):
        return element(f"h{block.level}", None, inline(block.content))
    if isinstance(block, Paragraph):
        return element("p", {"class": _PARAGRAPHS[block.kind]}, inline(block.content))
    if isinstance(block, BulletList):
        return _list(block.items, language)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        return _figure(block, language)
    return _notice(block, language)


def _list(items: tuple[Item, ...], language: str) -> Markup:
    return element("ul", None, [
        element("li", None, inline(item.content),
                [_block(child, language) for child in item.children])
        for item in items])


def _table(table: Table) -> Markup:
    def cell(tag: str, index: int, content: Inlines) -> Markup:
        return element(tag, {"class": "num" if index in table.numeric else None,
                             "scope": "col" if tag == "th" else None}, inline(content))

    return element("table", None,
                   element("thead", None, element("tr", None, [
                       cell("th", index, content) for index, content in enumerate(table.head)])),
                   element("tbody", None, [
                       element("tr", None, [cell("td", index, content)
                                            for index, content in enumerate(row)])
                       for row in table.rows]))


def _figure(figure: Figure, language: str) -> Markup:
    if isinstance(figure.data, NsobFigure):
        drawing = render_map(figure.data.map, figure.data.people, language)
    elif figure.kind == "spread":
        drawing = render_spread(figure.data, language)
    else:
        drawing = render_threads(figure.data, language)
    return element("figure", {"class": figure.kind.replace("_", "-")}, drawing,
                   element("figcaption", None, figure.caption))


def _notice(notice: Notice, language: str) -> Markup:
    content = [_block(block, language) for block in notice.blocks]
    if notice.kind == "internal":
        return element("div", {"class": "internal", "role": "note"}, content)
    if notice.kind == "colophon":
        return element("footer", {"class": "colophon"}, content)
    return element("div", {"class": "draft"}, content)


def report(summary: Summary, width: int = 80) -> str:
    """The report of a session or a route as one HTML page."""
    return write(outline(summary))


render = report
