"""Reading and writing session files: the only module that turns models into YAML.

Two ways in, one set of rules. `load_session` is the read-only path for commands that
only read; `open_for_edit` also keeps the file's text (for its comments) and the digest
of what was read, so that `save_session` can update the file in place and never over a
change made in the meantime. Both read through `evaltool.session.yamlreader`, so they accept and
refuse the same files. Writing is `evaltool.session.yamlwriter` (canonical text, comments kept)
and `evaltool.fs.atomic` (all at once, never over anything but a regular file): the same
session always gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from evaltool.errors import (
    ChangedOnDiskError,
    FileProblemError,
    Problem,
    SessionInvalidError,
    TemplateError,
)
from evaltool.fs.atomic import atomic_write, digest
from evaltool.session import yamlwriter
from evaltool.session.loading import MAX_PROBLEMS, problems_from
from evaltool.session.models import SCHEMA_VERSION, Session, session_data, validate_session
from evaltool.session.threeway import has_conflict, merge3
from evaltool.session.vocabulary import DEFAULT_VOCABULARY, Vocabulary, load_vocabulary
from evaltool.session.workspace import iter_session_files
from evaltool.session.yamlreader import (
    Document,
    Layout,
    comment_starts,
    decode,
    layout,
    one_line_break,
    parse_text,
    read_bytes,
    read_document,
)
from evaltool.session.yamlwriter import SCHEMA_MODELINE

# Where other modules and the tests have always found them (a test replaces `atomic_write`
# here to play someone who writes the file at the same moment).
__all__ = ["MAX_PROBLEMS", "SCHEMA_MODELINE", "atomic_write", "iter_session_files"]


def _to_version_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added `people` and `not_people`; a version 1 file has neither, so its data
    stays as it is (a file written by version 2 that uses them is refused by version 1
    with "newer version" instead of a puzzling "unknown key")."""
    return {**data, "schema_version": "2"}


# Each upgrade takes the data of version N and returns version N + 1.
UPGRADES: dict[int, Any] = {1: _to_version_2}


# --- reading ----------------------------------------------------------------------------


def load_session(path: Path) -> Session:
    """The session in `path`, validated; raises `FileProblemError` with every problem."""
    return session_from_document(read_document(path))


def session_from_document(document: Document) -> Session:
    data = upgrade(document)
    vocabulary = _vocabulary_for(data, document)
    try:
        return Session.model_validate(data, context={"vocabulary": vocabulary})
    except ValidationError as error:
        raise SessionInvalidError(*problems_from(error, document, Session)) from None


def parse_session_text(text: str, path: Path) -> Session:
    """A session from text already in memory (a git blob, a test)."""
    text = one_line_break(text)
    return session_from_document(Document(path=path, text=text, data=parse_text(text, path)))


def upgrade(document: Document) -> dict[str, Any]:
    """The data brought to the current schema version, or a refusal saying what to do."""
    data = document.data
    version = data.get("schema_version")

    def place() -> dict[str, int]:
        # Only when refusing: finding the line parses the file a second time.
        line, column = document.locate(("schema_version",)) or (1, 1)
        return {"line": line, "column": column}

    if version is None:
        raise FileProblemError.at("store.no_version", path=document.path, line=1, column=1,
                                  hint="store.no_version_hint", version=SCHEMA_VERSION)
    if not (isinstance(version, str) and version.isdigit()):
        raise FileProblemError.at("store.bad_version", path=document.path, **place(),
                                  hint="store.no_version_hint",
                                  version=SCHEMA_VERSION, found=str(version)[:20])
    number = int(version)
    if number > SCHEMA_VERSION:
        raise FileProblemError.at("store.newer_version", path=document.path, **place(),
                                  hint="store.newer_version_hint",
                                  found=number, version=SCHEMA_VERSION)
    while number < SCHEMA_VERSION:
        if number not in UPGRADES:
            raise FileProblemError.at("store.bad_version", path=document.path, **place(),
                                      hint="store.no_version_hint",
                                      version=SCHEMA_VERSION, found=str(number))
        data = UPGRADES[number](data)
        number += 1
    return data


def _vocabulary_for(data: dict[str, Any], document: Document) -> Vocabulary:
    name = data.get("vocabulary") or DEFAULT_VOCABULARY
    if not isinstance(name, str) or not name.replace("_", "").isalnum():
        return load_vocabulary()  # the schema reports the bad name itself
    try:
        return load_vocabulary(name)
    except TemplateError as error:
        line, column = document.locate(("vocabulary",)) or (None, None)
        problem = error.problems[0]
        raise FileProblemError(Problem(problem.key, problem.params, document.path, line, column,
                                       problem.hint)) from None


# --- writing -----------------------------------------------------------------------------


def dump_session(session: Session) -> str:
    """The canonical text of a session: modeline, then the data in schema order."""
    return yamlwriter.write(session_data(session))


class EditableSession:
    """A session loaded for editing: the text it came from (for its comments and blank
    lines) and the digest of the bytes read, so that `save_session` notices a change
    made to the file in the meantime."""

    def __init__(self, path: Path, session: Session, text: str = "",
                 read: str | None = None) -> None:
        self.path = path
        self.session = session
        self.text = text
        self.read = read
        """SHA-256 of the bytes `open_for_edit` read (`evaltool.fs.atomic.digest`)."""


def open_for_edit(path: Path) -> EditableSession:
    """The same checks as `load_session`, plus what `save_session` needs to keep comments
    and to notice someone else's change."""
    raw = read_bytes(path)
    text = decode(raw, path)
    session = session_from_document(Document(path=path, text=text, data=parse_text(text, path)))
    return EditableSession(path, session, text, digest(raw))


def updated_text(text: str, session: Session, path: Path, found: Layout | None = None) -> str:
    """`session` in canonical form, with the comments and blank lines of `text` (the file's
    text as it was read) next to the entries they belong to (`found`: its layout, when
    known already)."""
    data = session_data(session)
    if found is None and text:
        found = layout(text)
    if found is not None and found.after:
        data = yamlwriter.with_commented_defaults(
            data, session_data(session, defaults=True), found)
    try:
        return yamlwriter.write(data, layout=found)
    except ValueError as lost:  # a comment without a place: a bug, and nothing is written
        raise FileProblemError.at("store.lost_comment", path=path, comment=str(lost)[:60],
                                  hint="store.write_check_hint") from None


def canonical_bytes(raw: bytes, path: Path) -> bytes:
    """A session file's bytes in canonical form, comments kept (`evaltool fmt`); when they
    differ from `raw`, they are checked to read back as the same session."""
    text = decode(raw, path)
    session = session_from_document(Document(path=path, text=text, data=parse_text(text, path)))
    formatted = updated_text(text, session, path).encode("utf-8")
    return formatted if formatted == raw else _checked(formatted, session, path)


def canonical_text(text: str, path: Path) -> str:
    """A session file's text in canonical form, its comments kept."""
    return canonical_bytes(text.encode("utf-8"), path).decode("utf-8")


def comments(text: str) -> list[str]:
    """Every comment of an accepted text, in file order (without the schema modeline)."""
    return layout(text).comments()


def maybe_comments(text: str) -> list[str]:
    """What might be a comment in `text`: from each `#` after a space or at a line's start
    to the end of its line. A quick superset of `comments` (a `#` inside a value counts
    too) that needs no parsing."""
    found = []
    for index in comment_starts(text, 0):
        end = text.find("\n", index)
        found.append(text[index:end if end >= 0 else len(text)].rstrip())
    return found


def _checked(written: bytes, session: Session, path: Path) -> bytes:
    """`written`, once it is sure to read back as `session`: never a silent change. A
    failure here is a bug in evaltool; the file is left alone."""
    if parse_session_text(written.decode("utf-8"), path) != session:
        raise FileProblemError.at("store.write_check", path=path, hint="store.write_check_hint")
    return written


def save_session(session: Session, path: Path, *, original: EditableSession | None = None,
                 exclusive: bool = False, mode: int | None = None) -> None:
    """Write `session` to `path` atomically; with `original`, keep that file's comments.

    With `original` (what `open_for_edit` read), a change someone made to the file since
    (another edit, an editor, a `git pull`) is never overwritten: when it touches other
    entries or fields than this save, both are kept; otherwise `ChangedOnDiskError`.
    """
    if original is None:
        atomic_write(path, _checked(dump_session(session).encode("utf-8"), session, path),
                     exclusive=exclusive, mode=mode)
        return
    text, expected = original.text, original.read
    current = _current(path)
    if expected is not None and digest(current) != expected:
        session, text = _combine(original, session, current, path)
        expected = digest(current)
    written = _checked(updated_text(text, session, path).encode("utf-8"), session, path)
    atomic_write(path, written, exclusive=exclusive, mode=mode, expected=expected)


def _current(path: Path) -> bytes:
    try:
        return read_bytes(path)
    except FileProblemError as error:
        raise ChangedOnDiskError.at("store.gone_meanwhile", path=path,
                                    hint="store.changed_meanwhile_hint") from error


def _combine(original: EditableSession, session: Session, current: bytes,
             path: Path) -> tuple[Session, str]:
    """This save's changes and the ones made on disk since `original` was read, together,
    when they do not touch the same field; the text on disk gives the comments."""
    def plain(text: str) -> tuple[dict[str, Any], Session]:
        read = session_from_document(Document(path=path, text=text, data=parse_text(text, path)))
        return _plain(read), read

    try:
        base, _ = plain(original.text)  # read again: the caller changed `original.session`
        text = decode(current, path)
        theirs, theirs_session = plain(text)
        merged = merge3(base, _plain(session), theirs)
        if has_conflict(merged):
            raise ValueError("both changed the same field")
        vocabulary = _vocabulary_for(merged, Document(path, text, merged))
        combined = validate_session(merged, vocabulary)
    except (FileProblemError, ValidationError, ValueError):
        raise ChangedOnDiskError.at("store.changed_meanwhile", path=path,
                                    hint="store.changed_meanwhile_hint") from None
    return combined, text


def _plain(session: Session) -> dict[str, Any]:
    return session.model_dump(mode="json", exclude_defaults=True, exclude_none=True)


def dump_data(data: Any) -> str:
    """Plain data of evaltool's own (a wizard draft, written after every answer) as YAML.

    libyaml's emitter: a draft is rewritten after each answer and needs no comments kept.
    Text that looks like another type (`true`, `4`) is quoted, so it reads back as the
    same text."""

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        def ignore_aliases(self, data: Any) -> bool:
            return True  # the same list twice is written twice: our reader refuses aliases

    text: str = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                          width=1_000_000, default_flow_style=False)
    return text
