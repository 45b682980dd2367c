"""HTML and SVG built as elements, so that text is escaped in exactly one place.

`element("p", {"class": "meta"}, "a <b> c")` escapes the text child and every attribute
value; a child that is already `Markup` (an element built here) is kept as it is. No
other code in evaltool writes an HTML or SVG tag around text, so no call site can forget
to escape: user text can only ever reach a page as character data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from evaltool.i18n.escaping import html_text


class Markup(str):
    """HTML or SVG made by `element`: safe to put into a page as it is."""

    __slots__ = ()


# Elements without content or end tag in HTML.
_VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})


def escape(value: object) -> Markup:
    """Text (or a number) as character data; `Markup` stays as it is."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, float):
        value = f"{value:.1f}".rstrip("0").rstrip(".")
    return Markup(html_text(value))


def _children(children: Iterable[object]) -> str:
    out = []
    for child in children:
        if child is None:
            continue
        if isinstance(child, str | int | float):
            out.append(escape(child))
        else:  # an iterable of children
            out.append(_children(child))  # type: ignore[arg-type]
    return "".join(out)


def element(tag: str, attributes: Mapping[str, object] | None = None,
            *children: object) -> Markup:
    """`<tag attributes>children</tag>`; attributes whose value is None or False are left
    out, True gives the bare attribute."""
    parts = [tag]
    for name, value in (attributes or {}).items():
        if value is None or value is False:
            continue
        parts.append(name if value is True else f'{name}="{escape(value)}"')
    opening = "<" + " ".join(parts) + ">"
    if tag in _VOID:
        return Markup(opening)
    return Markup(opening + _children(children) + f"</{tag}>")


def join(parts: Iterable[Markup], separator: str = "") -> Markup:
    """Elements one after another (the separator is plain text, escaped)."""
    return Markup(escape(separator).join(parts))
