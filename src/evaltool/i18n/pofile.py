"""Gettext catalogs on disk: reading and writing `.po` files and compiling them to `.mo`.

evaltool reads only the compiled `.mo` files when it runs (with the standard library's
`gettext`); this module is for the people and tests that keep the catalogs:

    python -m evaltool.i18n.pofile            # compile every .po under evaltool/locale to .mo
    python -m evaltool.i18n.pofile --check    # exit 1 if a .mo is missing or not current

Both are deterministic: the same catalog always gives the same bytes, so a `.mo` in git
changes only when its `.po` does. Texts are written on one line each (a long line is
easier to review in a diff than a rewrapped paragraph); lines in a text start a new
string after their `\\n`, as gettext's own tools write them.
"""

from __future__ import annotations

import re
import string
import struct
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
PLURAL_FORMS_TWO = "nplurals=2; plural=(n != 1);"
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r"}


@dataclass(frozen=True)
class Entry:
    """One message: its id and its text, or (with `plural`) one text per plural form."""

    msgid: str
    strings: tuple[str, ...]
    plural: str | None = None
    comments: tuple[str, ...] = ()
    """Comments for translators (`#. ...`)."""
    flags: tuple[str, ...] = ()
    """`#, python-brace-format`, `#, fuzzy`."""

    @property
    def text(self) -> str:
        return self.strings[0]


@dataclass
class Catalog:
    """A `.po` file: its header fields and its entries, by id."""

    header: dict[str, str] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    comments: tuple[str, ...] = ()
    """The comment lines above the header (`# ...`)."""

    @property
    def language(self) -> str:
        return self.header.get("Language", "")


def header_for(language: str, project: str = "evaltool",
               plural_forms: str = PLURAL_FORMS_TWO) -> dict[str, str]:
    """The header fields of a new catalog."""
    return {
        "Project-Id-Version": project,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms,
    }


def brace_fields(text: str) -> set[str]:
    """The `{placeholders}` of a text (`{{` and `}}` are literal braces)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# --- reading -------------------------------------------------------------------------------


class PoSyntaxError(ValueError):
    """A `.po` file that gettext's tools would refuse, with the line that says why."""


def read_po(text: str, name: str = "<po>") -> Catalog:
    """The catalog written in `text` (the subset of the format that evaltool writes and
    translators' tools keep: comments, flags, msgid, msgid_plural, msgstr, msgstr[n])."""
    catalog = Catalog()
    for number, block in _blocks(text):
        read = _read_block(block, name, number)
        if "msgid" not in read.fields:
            catalog.comments = tuple(read.top)
            continue
        msgid = "".join(read.fields["msgid"])
        if msgid == "":
            catalog.header = _parse_header("".join(read.fields.get("msgstr", [])))
            catalog.comments = tuple(read.top)
            continue
        entry = read.entry(msgid, f"{name}:{number}")
        if msgid in catalog.entries:
            raise PoSyntaxError(f"{name}:{number}: {msgid!r} is in the catalog twice")
        catalog.entries[msgid] = entry
    return catalog


@dataclass
class _Block:
    """The lines of one entry of a `.po` file, read: its keywords' strings, its comments
    for translators, its flags and its other comments."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    top: list[str] = field(default_factory=list)

    def entry(self, msgid: str, where: str) -> Entry:
        """The entry with this msgid, singular or plural."""
        fields = self.fields
        if "msgid_plural" not in fields:
            if "msgstr" not in fields:
                raise PoSyntaxError(f"{where}: {msgid!r} has no msgstr")
            return Entry(msgid, ("".join(fields["msgstr"]),), None, tuple(self.comments),
                         tuple(self.flags))
        forms = sorted((int(key[7:-1]), "".join(value)) for key, value in fields.items()
                       if key.startswith("msgstr["))
        if [index for index, _ in forms] != list(range(len(forms))) or not forms:
            raise PoSyntaxError(f"{where}: msgstr[0], msgstr[1], ... expected")
        return Entry(msgid, tuple(text for _, text in forms), "".join(fields["msgid_plural"]),
                     tuple(self.comments), tuple(self.flags))


def _read_block(block: list[str], name: str, number: int) -> _Block:
    """The lines of one entry, each in its place; a line gettext would refuse is refused."""
    read = _Block()
    current: list[str] | None = None
    for offset, line in enumerate(block):
        here = f"{name}:{number + offset}"
        if line.startswith("#,"):
            read.flags += [flag.strip() for flag in line[2:].split(",") if flag.strip()]
        elif line.startswith("#."):
            read.comments.append(line[2:].strip())
        elif line.startswith("#"):
            read.top.append(line)
        elif line.startswith('"'):
            if current is None:
                raise PoSyntaxError(f"{here}: a string without a keyword before it")
            current.append(_unquote(line, here))
        else:
            keyword, _, rest = line.partition(" ")
            if not re.fullmatch(r"msgid|msgid_plural|msgstr(\[\d+\])?|msgctxt", keyword):
                raise PoSyntaxError(f"{here}: unknown keyword {keyword!r}")
            if keyword in read.fields:
                raise PoSyntaxError(f"{here}: {keyword} given twice")
            current = read.fields[keyword] = [_unquote(rest.strip(), here)]
    if "msgctxt" in read.fields:
        raise PoSyntaxError(f"{name}:{number}: msgctxt is not used in evaltool's catalogs")
    return read


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """The entries of a .po text: groups of lines separated by empty lines, with the number
    of their first line. Obsolete entries (`#~`) are left out, as msgfmt does."""
    block: list[str] = []
    start = 1
    for number, raw in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 is text
        line = raw.strip()
        if not line or line.startswith("#~"):
            if block:
                yield start, block
                block = []
            continue
        if not block:
            start = number
        block.append(line)
    if block:
        yield start, block


def _unquote(token: str, where: str) -> str:
    if len(token) < 2 or not (token.startswith('"') and token.endswith('"')):
        raise PoSyntaxError(f"{where}: a string in double quotes expected")
    body = token[1:-1]
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == '"':
            raise PoSyntaxError(f'{where}: a " inside a string must be written \\"')
        if char == "\\":
            escaped = body[index + 1:index + 2]
            if escaped not in _UNESCAPES:
                raise PoSyntaxError(f"{where}: unknown escape \\{escaped}")
            out.append(_UNESCAPES[escaped])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _parse_header(text: str) -> dict[str, str]:
    header: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            header[key.strip()] = value.strip()
    return header


# --- writing -------------------------------------------------------------------------------


def write_po(catalog: Catalog) -> str:
    """The catalog as `.po` text: the header, then the entries in the order of their ids."""
    header = "".join(f"{key}: {value}\n" for key, value in catalog.header.items())
    parts = ["\n".join([*catalog.comments, 'msgid ""', *_string("msgstr", header)])]
    for msgid in sorted(catalog.entries):
        entry = catalog.entries[msgid]
        lines = [f"#. {comment}" for comment in entry.comments]
        if entry.flags:
            lines.append("#, " + ", ".join(entry.flags))
        lines += _string("msgid", entry.msgid)
        if entry.plural is not None:
            lines += _string("msgid_plural", entry.plural)
            for index, text in enumerate(entry.strings):
                lines += _string(f"msgstr[{index}]", text)
        else:
            lines += _string("msgstr", entry.text)
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def _string(keyword: str, text: str) -> list[str]:
    pieces = [piece for piece in re.split(r"(?<=\n)", text) if piece]
    if len(pieces) <= 1:
        return [f"{keyword} {_quote(text)}"]
    return [f'{keyword} ""', *(_quote(piece) for piece in pieces)]


def _quote(text: str) -> str:
    return '"' + "".join(_ESCAPES.get(char, char) for char in text) + '"'


# --- compiling -----------------------------------------------------------------------------


def compile_mo(catalog: Catalog) -> bytes:
    """The GNU `.mo` file of a catalog, as msgfmt writes it (without its optional hash
    table): the header and every entry that is not fuzzy and has its text, sorted."""
    header = "".join(f"{key}: {value}\n" for key, value in catalog.header.items())
    pairs: dict[bytes, bytes] = {b"": header.encode("utf-8")}
    for entry in catalog.entries.values():
        if "fuzzy" in entry.flags or not all(entry.strings):
            continue
        msgid = entry.msgid if entry.plural is None else f"{entry.msgid}\0{entry.plural}"
        pairs[msgid.encode("utf-8")] = "\0".join(entry.strings).encode("utf-8")
    keys = sorted(pairs)
    originals = b"".join(key + b"\0" for key in keys)
    translations = b"".join(pairs[key] + b"\0" for key in keys)
    count = len(keys)
    start = 7 * 4 + 16 * count  # the header, then the two tables of (length, offset)
    table: list[int] = []
    offset = start
    for key in keys:
        table += [len(key), offset]
        offset += len(key) + 1
    for key in keys:
        table += [len(pairs[key]), offset]
        offset += len(pairs[key]) + 1
    head = struct.pack("<7I", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, start)
    return head + struct.pack(f"<{len(table)}I", *table) + originals + translations


def read_mo(data: bytes, *, plurals: bool = False) -> dict[str, tuple[str, ...]]:
    """The texts of a compiled catalog, by msgid (plural forms as one tuple; with
    `plurals`, a plural entry's msgid is "singular\\0plural"); the header is left out.
    For listing what a catalog holds: `gettext` does the lookups."""
    magic, _, count, originals, translations = struct.unpack("<5I", data[:20])
    if magic != 0x950412DE:
        raise ValueError("not a little-endian GNU .mo file")
    texts: dict[str, tuple[str, ...]] = {}
    for index in range(count):
        length, offset = struct.unpack("<2I", data[originals + 8 * index:][:8])
        key = data[offset:offset + length].decode("utf-8")
        key = key if plurals else key.split("\0")[0]
        length, offset = struct.unpack("<2I", data[translations + 8 * index:][:8])
        if key:
            texts[key] = tuple(data[offset:offset + length].decode("utf-8").split("\0"))
    return texts


def catalog_files(root: Path = LOCALE_DIR) -> list[Path]:
    """Every `.po` file under a locale folder (`<lang>/LC_MESSAGES/<domain>.po`)."""
    return sorted(root.glob("*/LC_MESSAGES/*.po"))


def stale(root: Path = LOCALE_DIR) -> list[Path]:
    """The `.mo` files that are missing or differ from what their `.po` compiles to."""
    found = []
    for po in catalog_files(root):
        mo = po.with_suffix(".mo")
        wanted = compile_mo(read_po(po.read_text(encoding="utf-8"), str(po)))
        if not mo.is_file() or mo.read_bytes() != wanted:
            found.append(mo)
    return found


def compile_all(root: Path = LOCALE_DIR) -> list[Path]:
    """Compile every `.po` under `root` whose `.mo` is not current; the ones written."""
    written = stale(root)
    for mo in written:
        po = mo.with_suffix(".po")
        mo.write_bytes(compile_mo(read_po(po.read_text(encoding="utf-8"), str(po))))
    return written


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--check"]:
        missing = stale()
        for mo in missing:
            print(f"not current: {mo} (run: python -m evaltool.i18n.pofile)", file=sys.stderr)
        return 1 if missing else 0
    if arguments:
        print("usage: python -m evaltool.i18n.pofile [--check]", file=sys.stderr)
        return 2
    for mo in compile_all():
        print(f"wrote {mo}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
