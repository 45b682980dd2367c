"""The canonical YAML writer: session data in, the same text every time, comments kept.

Every session file evaltool writes comes from here, so that the same session always gives
the same bytes and a git diff shows only what changed. The style is that of the session
files since 0.1.0: two spaces per level, list items indented under their key (`  - a`),
one line per value (never folded), several lines as a literal block (`|-`), and quotes
only where a YAML reader of either version would otherwise read something else (`'no'`,
`'2021'`, `"a: b"`). Text is written exactly as YAML's emitters (PyYAML, ruamel.yaml)
choose plain, single- and double-quoted scalars, so the form of older files stays
canonical.

With a `Layout` (`evaltool.session.yamlreader.layout`) the comments and blank lines of the file that
is being replaced are written next to the entries they belonged to. No comment is ever
dropped: one whose entry is gone (a removed item, a default left out) moves to the next
entry that is still there, or to the end of the file. Own-line comments take the
indentation of their entry, so that none can end up inside a literal block.

Pure Python and linear in the size of the data: a file at the 2 MiB limit is written in
a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from evaltool.session.yamlreader import Layout, Loc, read_as_another_type

# Characters YAML's emitters write only as escapes in double quotes: what is not printable
# in YAML (with unicode allowed), and the byte-order mark.
_SPECIAL = re.compile("[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|\ufeff")
_WHITE = "\0 \t\r\n\x85\u2028\u2029"
# What keeps text from being written plain (PyYAML's and ruamel's `analyze_scalar`).
_NOT_PLAIN = re.compile(f"""
    ^[#,\\[\\]{{}}&*!|>'"%@`]          # an indicator first
  | ^[?:-](?=[{_WHITE}]|\\Z)            # '?', ':' or '-' alone or before a space
  | :(?=[{_WHITE}]|\\Z)                 # ': ' inside, or ':' at the end
  | (?<=[{_WHITE}])\\#                  # ' #' inside
  | ^(?:---|\\.\\.\\.)                  # a document marker
  | ^[ \\n\\x85\\u2028\\u2029] | [ \\n\\x85\\u2028\\u2029]\\Z   # space or break at an end
  | [\\n\\x85\\u2028\\u2029]            # several lines are never written plain
""", re.X)
_ESCAPES = {"\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v",
            "\x0c": "f", "\r": "r", "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N",
            "\xa0": "_", "\u2028": "L", "\u2029": "P"}
_ESCAPED = re.compile('["\\\\\x85\u2028\u2029\ufeff]|'
                      "[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

SCHEMA_MODELINE = "# yaml-language-server: $schema=../templates/session.schema.json"


def scalar(value: Any, *, key: bool = False) -> str | list[str]:
    """A value as YAML text: one line, or (for a literal block) its header and its lines."""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"cannot write {type(value).__name__} as YAML")
    if not key and _literal(value):
        body = value[:-1] if value.endswith("\n") else value
        return ["|" if value.endswith("\n") else "|-", *body.split("\n")]
    special = bool(_SPECIAL.search(value))
    if read_as_another_type(value):  # quoted, so that every reader keeps it as text
        return _double(value) if special or (key and "\n" in value) else _single(value)
    if value and not special and not _NOT_PLAIN.search(value):
        return value
    if not value and not key:
        return value
    if special or "'" in value or "\n" in value:
        return _double(value)
    return _single(value)


def _literal(value: str) -> bool:
    """Several lines that a literal block (`|-`) holds exactly as they are."""
    if "\n" not in value or "\t" in value or value.startswith((" ", "\n")) \
            or value.endswith("\n\n"):
        return False
    return all(line == line.rstrip() for line in value.split("\n"))


def _single(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _double(value: str) -> str:
    def escape(match: re.Match[str]) -> str:
        ch = match.group()
        if ch in _ESCAPES:
            return "\\" + _ESCAPES[ch]
        code = ord(ch)
        return f"\\x{code:02X}" if code <= 0xFF else (
            f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")

    return '"' + _ESCAPED.sub(escape, value) + '"'


class _Writer:
    """Lines of YAML for plain data, with the comments of a layout where they belong.

    Without comments to place, no entry's place is worked out at all (`path` is None):
    the common case, a file as evaltool wrote it, stays a single quick pass.
    """

    def __init__(self, data: dict[str, Any], layout: Layout | None) -> None:
        self.lines: list[str] = []
        self.before: dict[Loc, list[str]] = {}
        self.after: dict[Loc, list[tuple[int, str]]] = {}
        self.tail: list[str] = []
        self.placed = 0  # comments written, to be sure that none was left out
        if layout is not None:
            self._place(data, layout)
        # The entries with comments, and every entry above them: only below these is the
        # place of an entry worked out (a few hundred, where a file has 100,000 entries).
        self.marked = {loc[:end] for loc in (*self.before, *self.after)
                       for end in range(1, len(loc) + 1)}

    def _place(self, data: dict[str, Any], layout: Layout) -> None:
        """Each comment next to its entry; those of entries that are gone move on to the
        next entry of the file that is still there (or to the end)."""
        carried: list[str] = []
        for loc in layout.order:
            above = layout.before.get(loc)
            behind = layout.after.get(loc)
            if not (above or behind or carried):
                continue
            if _present(data, loc):
                if carried or above:
                    self.before[loc] = carried + (above or [])
                if behind:
                    self.after[loc] = behind
                carried = []
            else:
                carried += (above or []) + [text for _, text in behind or ()]
        self.tail = carried + layout.tail

    def comments_before(self, locs: tuple[Loc, ...], indent: int) -> None:
        pad = " " * indent
        for loc in locs:
            for line in self.before.get(loc, ()):
                self.lines.append(pad + line if line else "")
                self.placed += bool(line)

    def line(self, text: str, locs: tuple[Loc, ...] | None) -> None:
        """One line of data, with the comments that stood at the end of its entries' lines."""
        if locs is not None and self.after:
            behind = [item for loc in locs for item in self.after.get(loc, ())]
            if behind:
                column, comment = behind[0]
                indent = len(text) - len(text.lstrip(" "))
                # A second comment for the same line goes above it, at its indentation.
                self.lines += [" " * indent + extra for _, extra in behind[1:]]
                text = text + " " * max(column - len(text), 1) + comment
                self.placed += len(behind)
        self.lines.append(text)

    def mapping(self, data: dict[str, Any], indent: int, path: Loc | None,
                first: tuple[str, Loc | None] | None = None) -> None:
        """`first`: the `- ` of a list item and the item's place, for the first key."""
        pad = " " * indent
        for number, (key, value) in enumerate(data.items()):
            loc = None if path is None else (*path, key)
            if loc is not None and loc not in self.marked:
                loc = None
            locs: tuple[Loc, ...] | None = None
            if number == 0 and first is not None:  # the item's line is its first key's
                prefix = first[0]
                locs = tuple(owner for owner in (first[1], loc) if owner is not None) or None
            else:
                prefix = pad
                if loc is not None:
                    locs = (loc,)
                if loc is not None and self.before:
                    self.comments_before((loc,), indent)
            name = _key(key)
            self.value(f"{prefix}{name}:", value, indent, loc, locs)

    def value(self, head: str, value: Any, indent: int, loc: Loc | None,
              locs: tuple[Loc, ...] | None) -> None:
        if isinstance(value, (dict, list)):
            if not value:  # an empty one stays on the line of its key
                self.line(head + (" {}" if isinstance(value, dict) else " []"), locs)
                return
            self.line(head, locs)
            if isinstance(value, dict):
                self.mapping(value, indent + 2, loc)
            else:
                self.sequence(value, indent + 2, loc)
        else:
            text = scalar(value)
            if isinstance(text, str):
                self.line(f"{head} {text}", locs)
                return
            self.line(f"{head} {text[0]}", locs)
            pad = " " * (indent + 2)
            self.lines += [pad + part if part else "" for part in text[1:]]

    def sequence(self, items: list[Any], indent: int, path: Loc | None) -> None:
        dash = " " * indent + "- "
        for index, item in enumerate(items):
            loc = None if path is None else (*path, index)
            if loc is not None and loc not in self.marked:
                loc = None
            if isinstance(item, dict) and item:
                if loc is not None and self.before:
                    # Nothing can stand between the dash and the first key: the comments
                    # above the first key go above the item.
                    self.comments_before((loc, (*loc, next(iter(item)))), indent)
                self.mapping(item, indent + 2, loc, first=(dash, loc))
                continue
            if loc is not None and self.before:
                self.comments_before((loc,), indent)
            if isinstance(item, (dict, list)):  # not in a session: an empty one, or a list
                if item:
                    raise TypeError("a list inside a list is not written")
                self.line(dash + ("{}" if isinstance(item, dict) else "[]"),
                          None if loc is None else (loc,))
            else:
                self.value(dash[:-1], item, indent, loc, None if loc is None else (loc,))


@functools.lru_cache(maxsize=10_000)
def _key(key: str) -> str:
    """A key as written; remembered, as the same few field names come back thousands of
    times (and the ids of a long run of files do not grow it without end)."""
    text = scalar(key, key=True)
    assert isinstance(text, str), "a key is never a literal block"
    return text


def _present(data: Any, loc: Loc) -> bool:
    """Whether plain `data` has an entry at `loc`."""
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return False
    return True


def with_commented_defaults(data: dict[str, Any], full: dict[str, Any],
                            layout: Layout) -> dict[str, Any]:
    """`data`, plus those default values (in `full`, left out of `data`) that someone wrote
    a comment behind (`status: open  # to discuss`): the comment keeps its line."""
    for loc in layout.after:
        if _present(data, loc) or not _present(full, loc) or not isinstance(loc[-1], str):
            continue
        parent, defaults = data, full
        for part in loc[:-1]:
            parent, defaults = parent[part], defaults[part]  # type: ignore[index]
        if not (isinstance(parent, dict) and isinstance(defaults, dict)):
            continue
        # The key in its place among the others: the order of `full` is the schema's.
        ordered = {key: parent[key] if key in parent else value for key, value
                   in defaults.items() if key in parent or key == loc[-1]}
        parent.clear()
        parent.update(ordered)
    return data


def write(data: dict[str, Any], *, layout: Layout | None = None) -> str:
    """The canonical text of `data` (a mapping), starting with the schema modeline.

    With `layout`, the comments and blank lines of the text being replaced are kept (see
    `with_commented_defaults` for the defaults that come back for a comment). Raises
    `ValueError` naming a comment that found no place: that would be a bug.
    """
    keeps = layout is not None and bool(layout.order)
    writer = _Writer(data, layout if keeps else None)
    writer.lines.append(SCHEMA_MODELINE)
    if layout is not None:
        writer.lines += layout.head
    writer.mapping(data, 0, () if keeps else None)
    writer.lines += writer.tail
    if layout is not None:
        written = writer.placed + sum(bool(line) for line in layout.head + writer.tail)
        expected = layout.comments()
        if written != len(expected):
            raise ValueError(expected[0] if expected else "")
    return "\n".join(writer.lines) + "\n"
