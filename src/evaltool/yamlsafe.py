"""The strict YAML reader: bytes in, plain data out, or a refusal with file, line and column.

Every YAML file evaltool reads (sessions, vocabularies, templates, answer files) passes
through `read_document`. It decides alone which files are acceptable, so the fast
read-only path and the editing path in `evaltool.store` accept and refuse exactly the
same files. Parsing is done by libyaml (PyYAML's C extension) as a stream of events;
the events are then turned into data by the checks here:

- every scalar stays the text that was written (a title `2021`, a phone number
  `0612345678` and a surname `Null` are text); only an empty plain value is `None`.
  The schema converts text to dates, numbers and true/false where a field wants one;
- anchors, aliases, merge keys, explicit tags, `%YAML`/`%TAG` directives, several
  documents, duplicate keys, keys that are not text and very deep nesting are refused.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent as _Alias
from yaml.events import DocumentStartEvent as _DocumentStart
from yaml.events import MappingEndEvent as _MappingEnd
from yaml.events import MappingStartEvent as _MappingStart
from yaml.events import ScalarEvent as _Scalar
from yaml.events import SequenceEndEvent as _SequenceEnd
from yaml.events import SequenceStartEvent as _SequenceStart

from evaltool import portable
from evaltool.errors import FileProblemError

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 24

_CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?:[ \t]|$)", re.MULTILINE)
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
_MARKER_RUNS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)

try:  # libyaml is in PyYAML's wheels; the pure-Python parser is the same grammar, slower.
    from yaml._yaml import CParser as _Parser

    C_PARSER = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _PyParser):  # type: ignore[no-redef,misc]
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _PyParser.__init__(self)

    C_PARSER = False


Location = tuple[int, int]
"""A 1-based (line, column)."""


@dataclass(frozen=True)
class Document:
    """A parsed file: its data and, for error messages, where each value stood."""

    path: Path
    text: str
    data: dict[str, Any]

    def locate(self, loc: tuple[str | int, ...], *, key: bool = False) -> Location | None:
        """Where the value (or with `key`, the key) at `loc` was written, or its nearest parent."""
        marks = _marks(self.text)
        for end in range(len(loc), -1, -1):
            found = marks.get((tuple(loc[:end]), key and end == len(loc)))
            if found:
                return found
        return None


def _fail(path: Path, what: str, /, line: int | None = None, column: int | None = None,
          **params: object) -> FileProblemError:
    return FileProblemError.at(
        f"yaml.{what}", path=path, line=line, column=column, hint=f"yaml.{what}_hint", **params,
    )


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; never blocks on a FIFO and never reads more than `limit`."""
    try:
        # O_BINARY (Windows): no CRLF translation, no stop at Ctrl-Z; O_NONBLOCK (POSIX): a
        # pipe named as a file does not hang the read.
        fd = os.open(path, portable.open_flags("O_RDONLY", "O_BINARY", "O_NONBLOCK"))
    except FileNotFoundError:
        kind = "dangling_link" if os.path.islink(path) else "not_found"
        raise _fail(path, kind) from None
    except IsADirectoryError:
        raise _fail(path, "not_a_file") from None
    except OSError as error:
        raise _fail(path, "unreadable", reason=error.strerror or str(error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _fail(path, "not_a_file")
        if info.st_size > limit:
            raise _fail(path, "too_large", size=info.st_size, limit=limit)
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # the file grew while we read it
                raise _fail(path, "too_large", size=size, limit=limit)
        return b"".join(chunks)
    except OSError as error:
        raise _fail(path, "unreadable", reason=error.strerror or str(error)) from None
    finally:
        os.close(fd)


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 text (a leading byte-order mark is allowed); other encodings are named."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(raw) >= 2 and raw.count(b"\x00") * 4 >= len(raw)
    ):
        raise _fail(path, "utf16", line=1, column=1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start
        line = raw.count(b"\n", 0, offset) + 1
        column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        try:
            raw.decode("cp1252")
            key = "cp1252"
        except UnicodeDecodeError:
            key = "not_utf8"
        raise _fail(path, key, line=line, column=column) from None


def _prescan(text: str, path: Path) -> None:
    """What must be refused before the parser sees the text: git conflicts, tab indents."""
    # The substring tests are ten times faster than the line-anchored searches, and a
    # text without seven equal marker characters or without a tab cannot match them.
    if any(run in text for run in _MARKER_RUNS) and (marker := _CONFLICT_MARKER.search(text)):
        line = text.count("\n", 0, marker.start()) + 1
        raise _fail(path, "conflict_marker", line=line, column=1, marker=marker.group(1))
    if "\t" in text and (tab := _TAB_INDENT.search(text)):
        line = text.count("\n", 0, tab.start()) + 1
        column = tab.end() - tab.start()
        raise _fail(path, "tab_indent", line=line, column=column)


def _at(event: Any) -> dict[str, int]:
    mark = event.start_mark
    return {"line": mark.line + 1, "column": mark.column + 1}


def _refuse_node(event: Any, path: Path) -> None:
    """An anchor (`&name`) or an explicit tag (`!!str`, `!include`) on a value."""
    if event.anchor is not None:
        raise _fail(path, "anchor", **_at(event))
    tag = event.tag.replace("tag:yaml.org,2002:", "!!")
    raise _fail(path, "tag", tag=_short(tag), **_at(event))


def _build(text: str, path: Path) -> Any:
    """Events to plain data, refusing every construct the session format leaves out.

    This loop runs for every value of every file a command reads, so it is written for
    speed: events are told apart by class (not by name), and the open container, its
    pending key and whether it is a mapping live in local variables. A mapping's keys are
    checked for duplicates against the mapping itself: each key has its value before the
    next key comes.
    """
    parser = _Parser(text)
    get_event = parser.get_event
    # The containers that enclose the current one: (container, is mapping, pending key).
    stack: list[tuple[Any, bool, Any]] = []
    container: Any = None  # the innermost open mapping or list; None at the top
    is_mapping = False
    key: Any = _NO_KEY  # the key waiting for its value in the current mapping
    documents = 0
    root: Any = None
    try:
        while (event := get_event()) is not None:
            kind = event.__class__
            if kind is _Scalar:
                if event.anchor is not None or event.tag is not None:
                    _refuse_node(event, path)
                value = event.value
                if is_mapping:
                    if key is _NO_KEY:  # a key: always text, even when empty
                        if value in container:
                            raise _fail(path, "duplicate_key", key=_short(value), **_at(event))
                        if value == "<<" and not event.style:
                            raise _fail(path, "merge_key", **_at(event))
                        key = value
                        continue
                    if value == "" and not event.style:  # plain style: None in Python, ""
                        value = None  # in libyaml
                    container[key] = value
                    key = _NO_KEY
                else:
                    if value == "" and not event.style:
                        value = None
                    if container is None:
                        root = value
                    else:
                        container.append(value)
            elif kind is _MappingStart or kind is _SequenceStart:
                if event.anchor is not None or event.tag is not None:
                    _refuse_node(event, path)
                if is_mapping and key is _NO_KEY:
                    raise _fail(path, "key_not_text", **_at(event))
                if len(stack) >= MAX_DEPTH:
                    raise _fail(path, "too_deep", depth=MAX_DEPTH, **_at(event))
                new: Any = {} if kind is _MappingStart else []
                if container is None:
                    root = new
                elif is_mapping:
                    container[key] = new
                else:
                    container.append(new)
                stack.append((container, is_mapping, _NO_KEY))
                container, is_mapping, key = new, kind is _MappingStart, _NO_KEY
            elif kind is _MappingEnd or kind is _SequenceEnd:
                container, is_mapping, key = stack.pop()
            elif kind is _Alias:
                raise _fail(path, "alias", **_at(event))
            elif kind is _DocumentStart:
                documents += 1
                if documents > 1:
                    raise _fail(path, "several_documents", **_at(event))
                if event.version is not None or event.tags:
                    raise _fail(path, "directive", **_at(event))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = {"line": mark.line + 1, "column": mark.column + 1} if mark else {}
        raise _fail(path, "syntax", problem=error.problem or error.context or "", **where) from None
    except yaml.YAMLError as error:
        raise _fail(path, "syntax", problem=str(error).splitlines()[0]) from None
    except RecursionError:  # pragma: no cover - the depth limit comes first
        raise _fail(path, "too_deep", depth=MAX_DEPTH) from None
    if documents == 0 or root is None:
        raise _fail(path, "empty", line=1, column=1)
    return root


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY: Any = _NoKey()


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_text(text: str, path: Path) -> dict[str, Any]:
    """The data of one YAML document whose top level is a mapping."""
    _prescan(text, path)
    data = _build(text, path)
    if not isinstance(data, dict):
        raise _fail(path, "not_a_mapping", line=1, column=1)
    return data


def read_document(path: Path, limit: int = MAX_BYTES) -> Document:
    """Read, decode, check and parse one file."""
    text = decode(read_bytes(path, limit), path)
    return Document(path=path, text=text, data=parse_text(text, path))


_MARKS_CACHE: dict[int, tuple[str, dict[tuple[tuple[Any, ...], bool], Location]]] = {}


def _marks(text: str) -> dict[tuple[tuple[Any, ...], bool], Location]:
    """(path, is_key) → location, for every value and key in an already accepted text.

    Only needed when something is wrong, so it is computed on demand by parsing again.
    """
    cached = _MARKS_CACHE.get(id(text))
    if cached and cached[0] is text:
        return cached[1]
    marks: dict[tuple[tuple[Any, ...], bool], Location] = {}
    parser = _Parser(text)
    # Each frame: [path, is_mapping, pending key or None, next index]
    frames: list[list[Any]] = []

    def place(event: Any) -> tuple[Any, ...] | None:
        if not frames:
            return ()
        frame = frames[-1]
        if frame[1]:
            if frame[2] is None:
                frame[2] = event.value if type(event).__name__ == "ScalarEvent" else "?"
                marks[(frame[0] + (frame[2],), True)] = (
                    event.start_mark.line + 1, event.start_mark.column + 1)
                return None
            here: tuple[Any, ...] = frame[0] + (frame[2],)
            frame[2] = None
            return here
        here = frame[0] + (frame[3],)
        frame[3] += 1
        return here

    while (event := parser.get_event()) is not None:
        kind = type(event).__name__
        if kind in ("ScalarEvent", "MappingStartEvent", "SequenceStartEvent"):
            here = place(event)
            if here is not None:
                marks.setdefault((here, False), (event.start_mark.line + 1,
                                                 event.start_mark.column + 1))
            if kind != "ScalarEvent":
                frames.append([here if here is not None else (), kind == "MappingStartEvent",
                               None, 0])
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            frames.pop()
    _MARKS_CACHE.clear()
    _MARKS_CACHE[id(text)] = (text, marks)
    return marks


def block_scalars(text: str) -> dict[tuple[str | int, ...], str]:
    """Where an accepted text writes a value as a literal (`|`) or folded (`>`) block, and which.

    ruamel.yaml keeps that style when such a value is replaced in a round-trip save, so a
    save that does without the round-trip tree needs to know them.
    """
    if "|" not in text and ">" not in text:
        return {}
    found: dict[tuple[str | int, ...], str] = {}
    parser = _Parser(text)
    # Each frame: [path, is mapping, pending key or None, next index]
    frames: list[list[Any]] = []
    while (event := parser.get_event()) is not None:
        kind = event.__class__
        if kind is _Scalar or kind is _MappingStart or kind is _SequenceStart:
            here: tuple[str | int, ...] | None = ()
            if frames:
                frame = frames[-1]
                if frame[1] and frame[2] is None:
                    frame[2] = event.value if kind is _Scalar else "?"
                    here = None  # a key
                elif frame[1]:
                    here, frame[2] = (*frame[0], frame[2]), None
                else:
                    here, frame[3] = (*frame[0], frame[3]), frame[3] + 1
            if kind is _Scalar:
                if here is not None and event.style in ("|", ">"):
                    found[here] = event.style
            else:
                frames.append([here if here is not None else (), kind is _MappingStart, None, 0])
        elif kind is _MappingEnd or kind is _SequenceEnd:
            frames.pop()
    return found
