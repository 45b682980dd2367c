"""The strict YAML reader: bytes in, plain data out, or a refusal with file, line and column.

Every YAML file evaltool reads (sessions, vocabularies, templates, answer files) passes
through `read_document`. It decides alone which files are acceptable, so the fast
read-only path and the editing path in `evaltool.session.store` accept and refuse exactly the
same files. Parsing is done by libyaml (PyYAML's C extension) as a stream of events;
the events are then turned into data by the checks here:

- every scalar stays the text that was written (a title `2021`, a phone number
  `0612345678` and a surname `Null` are text); only an empty plain value is `None`.
  The schema converts text to dates, numbers and true/false where a field wants one;
- anchors, aliases, merge keys, explicit tags, `%YAML`/`%TAG` directives, several
  documents, duplicate keys, keys that are not text and very deep nesting are refused;
- line breaks are one rule (`LINE_BREAKS`), and control characters are refused with their
  line and column before libyaml's reader, which would give none.

For the writer (`evaltool.session.yamlwriter`) it also tells where a file's comments and blank
lines stand (`layout`), and which text a YAML reader would take for a number, a date or
yes/no (`read_as_another_type`).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
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

from evaltool.errors import FileProblemError
from evaltool.fs import portable

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
        for end in range(len(loc), -1, -1):
            found = self.marks.get((tuple(loc[:end]), key and end == len(loc)))
            if found:
                return found
        return None

    @cached_property
    def marks(self) -> dict[tuple[Loc, bool], Location]:
        """(place, is a key) → location, for every value and key of the text.

        Only needed when something is wrong, so it is found when first asked for, by
        walking the text's events once more."""
        marks: dict[tuple[Loc, bool], Location] = {}
        for event, here, entry, _ in _walk(self.text):
            mark = event.start_mark
            if here is None and entry is not None:
                marks[(entry, True)] = (mark.line + 1, mark.column + 1)
            elif here is not None:
                marks.setdefault((here, False), (mark.line + 1, mark.column + 1))
        return marks


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
    """UTF-8 text (a leading byte-order mark is allowed); other encodings are named.

    Line breaks are made one: CR LF and a lone CR become LF (see `LINE_BREAKS`).
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(raw) >= 2 and raw.count(b"\x00") * 4 >= len(raw)
    ):
        raise _fail(path, "utf16", line=1, column=1)
    try:
        return one_line_break(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        # What comes before the first bad byte is good UTF-8: count lines and
        # characters in it, as an editor does.
        before = one_line_break(raw[:error.start].decode("utf-8-sig"))
        try:
            raw.decode("cp1252")
            key = "cp1252"
        except UnicodeDecodeError:
            key = "not_utf8"
        raise _fail(path, key, **where(before, len(before))) from None


LINE_BREAKS = re.compile("\r\n?")
"""A line ends at LF, CR LF or a lone CR, as YAML says; evaltool reads each as one LF (and
writes LF). A CR inside a line therefore starts a new line, in evaltool as in libyaml,
ruamel.yaml, check-jsonschema and editors."""


def one_line_break(text: str) -> str:
    """`text` with every line break (CR LF, CR, LF) written as LF."""
    return LINE_BREAKS.sub("\n", text) if "\r" in text else text


def where(text: str, offset: int) -> dict[str, int]:
    """The 1-based line and column (in characters) of `offset` in an LF-only `text`."""
    line_start = text.rfind("\n", 0, offset) + 1
    return {"line": text.count("\n", 0, offset) + 1, "column": offset - line_start + 1}


# What YAML does not allow in a file at all (C0 controls but tab and line feed, DEL, C1,
# U+FFFE, U+FFFF), and NEL, LS and PS: YAML 1.1 readers (libyaml, PyYAML, ruamel.yaml)
# take those for line breaks, YAML 1.2 does not, so the same file would say two things.
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _prescan(text: str, path: Path) -> None:
    """What must be refused before the parser sees the text: control characters, git
    conflicts, tab indents."""
    if control := _RAW_CONTROL.search(text):
        raise _fail(path, "control_character", codepoint=f"U+{ord(control.group()):04X}",
                    **where(text, control.start()))
    # The substring tests are ten times faster than the line-anchored searches, and a
    # text without seven equal marker characters or without a tab cannot match them.
    if any(run in text for run in _MARKER_RUNS) and (marker := _CONFLICT_MARKER.search(text)):
        raise _fail(path, "conflict_marker", marker=marker.group(1),
                    **where(text, marker.start()))
    if "\t" in text and (tab := _TAB_INDENT.search(text)):
        raise _fail(path, "tab_indent", **where(text, tab.end() - 1))


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


Loc = tuple[str | int, ...]
"""Where an entry stands: the keys and list indexes from the top (`("casus", "title")`)."""


@dataclass(slots=True)
class _Frame:
    """A mapping or list that is open while its events go by."""

    loc: Loc
    mapping: bool
    flow: bool
    """Written in flow style (`{a: 1}`, `[1, 2]`)."""
    key: str | None = None
    """A mapping's key that waits for its value."""
    index: int = 0
    """The index of a list's next item."""


def _walk(text: str) -> Iterator[tuple[Any, Loc | None, Loc | None, _Frame | None]]:
    """libyaml's events of an accepted text, each with where it stands: (event, the place
    of the value it starts, the entry it starts, the frame an end event closes).

    A key starts an entry and is no value (place None); a list item is both; a value in a
    mapping belongs to the entry its key started. A complex key counts as the key `?`."""
    frames: list[_Frame] = []
    parser = _Parser(text)
    while (event := parser.get_event()) is not None:
        kind = event.__class__
        if kind is _Scalar or kind is _MappingStart or kind is _SequenceStart:
            here: Loc | None = ()
            entry: Loc | None = None
            if frames:
                frame = frames[-1]
                if frame.mapping and frame.key is None:
                    frame.key = event.value if kind is _Scalar else "?"
                    here, entry = None, (*frame.loc, frame.key)
                elif frame.key is not None:
                    here, frame.key = (*frame.loc, frame.key), None
                else:
                    here = entry = (*frame.loc, frame.index)
                    frame.index += 1
            yield event, here, entry, None
            if kind is not _Scalar:
                frames.append(_Frame(() if here is None else here, kind is _MappingStart,
                                     bool(event.flow_style)))
        elif kind is _MappingEnd or kind is _SequenceEnd:
            yield event, None, None, frames.pop()


# --- what a file holds besides its data: comments and blank lines ------------------------------


@dataclass
class Layout:
    """The comments and blank lines of an accepted text, each tied to the entry it belongs to.

    A comment at the end of a line belongs to the entry written last on that line (`title:
    x  # c` to `casus.title`); a comment on a line of its own, and a blank line, to the
    entry below it. What stands before the first entry is the head of the file, what
    follows the last one its tail. The schema modeline on the first line is not kept:
    the writer puts its own there. Comment lines are kept without their indentation
    (`"# text"`), a blank line as `""`.
    """

    head: list[str] = field(default_factory=list)
    before: dict[Loc, list[str]] = field(default_factory=dict)
    after: dict[Loc, list[tuple[int, str]]] = field(default_factory=dict)
    order: list[Loc] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)

    def comments(self) -> list[str]:
        """Every comment, in file order."""
        found = [line for line in self.head if line]
        for loc in self.order:
            found += [line for line in self.before.get(loc, ()) if line]
            found += [text for _, text in self.after.get(loc, ())]
        return found + [line for line in self.tail if line]


_BLANK_LINE = re.compile(r"^[ \t]*$", re.MULTILINE)
_MAYBE_BLANK = re.compile(r"\n[ \t]*\n")  # a quick test before the line-by-line search
MODELINE_PREFIX = "# yaml-language-server:"


def layout(text: str) -> Layout:
    """The comments and blank lines of a text that `parse_text` accepted, and their entries.

    A `#` at the start of a line or after a space starts a comment unless it stands inside
    a value; one pass over libyaml's events tells which do, and which entry each line
    belongs to. Only the lines that hold a comment or are blank are looked at closely, so
    this is linear in the size of the text and cheap for a file with few comments.
    """
    found = Layout()
    skip = len(text.partition("\n")[0]) + 1 if text.startswith(MODELINE_PREFIX) else 0
    hashes = comment_starts(text, skip)
    blanks = set(_blank_lines(text, skip) if _MAYBE_BLANK.search(text, skip) else [])
    if not hashes and not blanks:
        return found  # nothing to keep (a file as evaltool writes it)
    seen = _watch(text, hashes, sorted(set(_lines_of(text, hashes)) | blanks))
    found.order = seen.order
    comments = _comments_by_line(text, [index for index, inner in zip(hashes, seen.in_value,
                                                                      strict=True)
                                        if not inner])
    first = found.order[0] if found.order else None

    def keep(lines: list[str], entry: Loc | None) -> None:
        if entry is None:
            found.tail += lines
        elif entry == first:
            found.head = _strip_blank(lines, leading=True)
        else:
            found.before.setdefault(entry, []).extend(lines)

    pending: list[str] = []
    pending_entry: Loc | None = None
    for line in seen.lines:
        comment = comments.get(line)
        if comment is None and (line in seen.inside or line not in blanks):
            continue  # a blank line inside a value is part of it; a '#' in a value is text
        if comment is not None and not comment[2]:
            owner = seen.starts.get(line) or seen.ends.get(line)
            if owner:
                found.after.setdefault(owner, []).append(comment[:2])
                continue
        entry = seen.below.get(line)
        if pending and entry != pending_entry:
            keep(pending, pending_entry)
            pending = []
        pending.append("" if comment is None else comment[1])
        pending_entry = entry
    keep(pending, pending_entry)
    found.tail = _strip_blank(found.tail, leading=False)
    return found


@dataclass
class _Watched:
    """What one pass over a text's events tells about its watched lines (those with a
    comment, and the blank ones)."""

    lines: list[int]
    """The watched lines, in order."""
    in_value: bytearray
    """For each `#` that may start a comment: whether it stands inside a value (text)."""
    order: list[Loc] = field(default_factory=list)
    """Every entry, in the order of the file."""
    below: dict[int, Loc] = field(default_factory=dict)
    """line → the first entry below it."""
    starts: dict[int, Loc] = field(default_factory=dict)
    """line → the entry written last on it."""
    ends: dict[int, Loc] = field(default_factory=dict)
    """line → the entry whose value ends on it."""
    inside: set[int] = field(default_factory=set)
    """Lines that continue a value of several lines."""


def _watch(text: str, hashes: list[int], watched: list[int]) -> _Watched:
    """One pass over the events of `text`: the entries, and where the watched lines and
    the `#`s stand among them."""
    seen = _Watched(watched, bytearray(len(hashes)))
    watched_set = set(watched)
    next_hash = next_line = 0
    for event, here, entry, closed in _walk(text):
        line = event.start_mark.line
        if closed is not None:
            if closed.flow and closed.loc and line in watched_set:
                seen.ends[line] = closed.loc  # a flow collection closes here
            continue
        if entry is not None:
            seen.order.append(entry)
            while next_line < len(watched) and watched[next_line] < line:
                seen.below[watched[next_line]] = entry
                next_line += 1
        owner = entry if here is None else here
        if line in watched_set and owner is not None:
            seen.starts[line] = owner
        if event.__class__ is not _Scalar:
            continue
        begin, end = event.start_mark.index, event.end_mark.index
        if event.style in ("|", ">"):  # its header line may end in a comment
            begin = text.find("\n", begin) + 1
        while next_hash < len(hashes) and hashes[next_hash] < end:
            seen.in_value[next_hash] = hashes[next_hash] >= begin
            next_hash += 1
        last = event.end_mark.line
        if last > line:
            if event.end_mark.column == 0 and event.style in ("|", ">"):
                last -= 1
            seen.inside.update(n for n in range(line + 1, last + 1) if n in watched_set)
            if last in watched_set and here:
                seen.ends[last] = here
    return seen


def comment_starts(text: str, skip: int) -> list[int]:
    """Every `#` after the first `skip` characters at the start of a line or after a space
    or tab: where a comment may start (str.find: most files hold only a few)."""
    found = []
    index = text.find("#", skip)
    while index >= 0:
        if index == 0 or text[index - 1] in " \t\n":
            found.append(index)
        index = text.find("#", index + 1)
    return found


def _blank_lines(text: str, skip: int) -> list[int]:
    """The numbers of the blank lines of `text` after its first `skip` characters."""
    numbers, line, counted = [], 0, 0
    end = len(text) - 1 if text.endswith("\n") else len(text)  # the end is no blank line
    for match in _BLANK_LINE.finditer(text, skip, end):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        numbers.append(line)
    return numbers


def _lines_of(text: str, indexes: list[int]) -> list[int]:
    """The line of each of the (sorted) `indexes` of `text`."""
    lines, line, counted = [], 0, 0
    for index in indexes:
        line += text.count("\n", counted, index)
        counted = index
        lines.append(line)
    return lines


def _strip_blank(lines: list[str], *, leading: bool) -> list[str]:
    """Blank lines at the very start (head) or end (tail) of a file are not layout."""
    if leading:
        while lines and not lines[0]:
            lines = lines[1:]
    else:
        while lines and not lines[-1]:
            lines = lines[:-1]
    return lines


def _comments_by_line(text: str, hashes: list[int]) -> dict[int, tuple[int, str, bool]]:
    """line → (column, the comment's text, whether it stands alone on its line), for the
    `#`s that start a comment (the first on a line; later ones are inside it)."""
    found: dict[int, tuple[int, str, bool]] = {}
    line, counted = 0, 0  # the line of `counted`, counted on as the `#`s come in order
    for index in hashes:
        line += text.count("\n", counted, index)
        counted = index
        if line in found:
            continue
        line_start = text.rfind("\n", 0, index) + 1
        line_end = text.find("\n", index)
        comment = text[index:line_end if line_end >= 0 else len(text)].rstrip()
        found[line] = (index - line_start, comment, not text[line_start:index].strip())
    return found


# --- what readers would take for something other than text --------------------------------------

# YAML 1.2 numbers as ruamel.yaml (and so check-jsonschema and editors) reads them, beyond
# what YAML 1.1 (PyYAML's resolver, below) already takes for one: `0o17`, `1e3`, `.5`,
# `0612345678`. The lookahead is the first characters ruamel tries them for.
_YAML12_NUMBER = re.compile(r"""^(?:
    (?=[-+0-9])(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)
   |(?=[-+0-9.])(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN)))$""", re.X)
_TYPED_FIRST = frozenset("yYnNtTfFoO~-+0123456789.<=!&*") | {""}


def read_as_another_type(text: str) -> bool:
    """Whether a YAML reader of either version would read `text`, written plain, as something
    other than text: `no`, `on`, `0123`, `12:30`, `~`, `2021-01-28` (YAML 1.1: PyYAML, older
    editors) or `0o17`, `1e3`, `0612345678` (YAML 1.2: ruamel.yaml, check-jsonschema)."""
    if text[:1] not in _TYPED_FIRST:  # what both resolvers look at first: most text stops here
        return False
    tag: str = _resolver().resolve(yaml.ScalarNode, text, (True, False))
    return tag != "tag:yaml.org,2002:str" or bool(_YAML12_NUMBER.match(text))


@cache
def _resolver() -> Any:
    """PyYAML's YAML 1.1 resolver (made once: it compiles its patterns)."""
    return yaml.resolver.Resolver()
