"""Reading and writing session files: the only module that turns models into YAML.

Two ways in, one set of rules. `load_session` is the fast read-only path for commands
that only read; `open_for_edit` also keeps the file's comments (ruamel.yaml's
round-trip loader) so that `save_session` can update it in place. Both first pass the
file through `evaltool.yamlsafe.read_document`, so they accept and refuse the same
files. Writes are atomic and deterministic: the same session always gives the same bytes.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from evaltool import portable
from evaltool.errors import (
    FileProblemError,
    Problem,
    SessionInvalidError,
    TemplateError,
    WriteError,
)
from evaltool.models import SCHEMA_VERSION, Session, session_data
from evaltool.yamlsafe import Document, block_scalars, parse_text, read_document

SCHEMA_MODELINE = "# yaml-language-server: $schema=../templates/session.schema.json"
MAX_PROBLEMS = 50

M = TypeVar("M", bound=BaseModel)

# Each upgrade takes the data of version N and returns version N + 1. There has been
# one version so far; the next change to the format adds its step here.
UPGRADES: dict[int, Any] = {}


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


def load_model(path: Path, model: type[M], context: dict[str, Any] | None = None) -> M:
    """Any YAML file of evaltool's own (vocabulary, template, answers) as a checked model."""
    document = read_document(path)
    return model_from_document(document, model, context)


def model_from_document(document: Document, model: type[M],
                        context: dict[str, Any] | None = None) -> M:
    try:
        return model.model_validate(document.data, context=context)
    except ValidationError as error:
        raise FileProblemError(*problems_from(error, document, model)) from None


def parse_session_text(text: str, path: Path) -> Session:
    """A session from text already in memory (a git blob, a test)."""
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


def _vocabulary_for(data: dict[str, Any], document: Document) -> Any:
    from evaltool.vocabulary import DEFAULT_VOCABULARY, load_vocabulary

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


# --- turning pydantic's errors into problems with lines --------------------------------------


def problems_from(error: ValidationError, document: Document,
                  model: type[BaseModel]) -> list[Problem]:
    """Every problem pydantic found, in file order, each with its line and a hint."""
    problems = []
    for item in error.errors(include_url=False)[:MAX_PROBLEMS]:
        kind = item["type"]
        if item.get("input", "") is None and kind.endswith("_type"):
            kind = "blank"  # `key:` with nothing after it; the input itself is never shown
        params: dict[str, Any] = dict(item.get("ctx") or {})
        if "min_length" in params:  # "at least 1 item": the plural form follows the number
            params["count"] = params["min_length"]
        # A check across fields names the place it is about itself.
        loc = tuple(params.pop("at", None) or item["loc"])
        params.setdefault("field", ".".join(str(part) for part in loc) or "(top)")
        where = document.locate(loc, key=kind == "extra_forbidden")
        key, hint = _explain(kind, loc, params, model)
        line, column = where if where else (None, None)
        problems.append(Problem(key, params, document.path, line, column, hint))
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems


def _explain(kind: str, loc: tuple[Any, ...], params: dict[str, Any],
             model: type[BaseModel]) -> tuple[str, str | None]:
    from evaltool.i18n import has_text

    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.5)
        params["name"] = str(loc[-1])[:40]
        params["allowed"] = ", ".join(allowed)
        if close:
            params["suggestion"] = close[0]
            return "problems.extra_forbidden", "problems.did_you_mean"
        return "problems.extra_forbidden", "problems.allowed_keys"
    if has_text(f"problems.{kind}"):
        hint = f"problems.{kind}_hint"
        return f"problems.{kind}", hint if has_text(hint) else None
    params["detail"] = kind.replace("_", " ")
    return "problems.other", None


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed at `loc` in `model`, for a 'did you mean' hint."""
    current: type[BaseModel] | None = model
    keyed = False  # the next part is an id in a mapping of models (participants, ...)
    for part in loc:
        if current is None:
            return []
        if keyed or isinstance(part, int):  # an id, or an item of a list: the same model
            keyed = False
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        current = _inner_model(field.annotation)
        keyed = _is_mapping(field.annotation)
    return list(current.model_fields) if current is not None and not keyed else []


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _inner_model(argument)
        if found is not None:
            return found
    return None


def _is_mapping(annotation: Any) -> bool:
    return getattr(annotation, "__origin__", None) is dict


# --- writing -----------------------------------------------------------------------------


def dump_session(session: Session) -> str:
    """The canonical text of a session: modeline, then the data in schema order."""
    stream = io.StringIO()
    stream.write(SCHEMA_MODELINE + "\n")
    _yaml().dump(_node(session_data(session)), stream)
    return stream.getvalue()


class EditableSession:
    """A session loaded for editing, with the comments of the file it came from.

    The round-trip tree (ruamel.yaml, pure Python: most of the time of an edit) is only
    built when the file has something a save must keep: comments, blank lines or flow
    collections. A file without them (as evaltool writes them) is saved as
    `dump_session` when that gives the very same bytes (`dumps_alike`); `tree` is still
    there on demand.
    """

    def __init__(self, path: Path, session: Session, tree: Any = None, *,
                 document: Document | None = None) -> None:
        self.path = path
        self.session = session
        self._tree = tree
        self._document = document
        self.text = document.text if document is not None else ""
        self.keeps_layout = document is None or has_layout(document.text)

    @property
    def tree(self) -> Any:
        if self._tree is None and self._document is not None:
            self._tree = _rt_tree(self._document)
        return self._tree

    def dumps_alike(self, session: Session) -> bool:
        """Whether saving `session` over this file gives the bytes of `dump_session(session)`.

        True for a file without layout, unless one of its block scalars (`|`, `>`) would keep
        its style where `dump_session` writes the new value in another one.
        """
        if self.keeps_layout or self._document is None:
            return False
        from ruamel.yaml.scalarstring import LiteralScalarString

        data: Any = session_data(session)
        for where, style in block_scalars(self._document.text).items():
            value = data
            for part in where:
                if isinstance(value, dict) and part in value:
                    value = value[part]
                elif isinstance(value, list) and isinstance(part, int) and part < len(value):
                    value = value[part]
                else:
                    value = None
                    break
            if isinstance(value, str) and (
                    style != "|" or not isinstance(_text(value), LiteralScalarString)):
                return False
        return True


_LAYOUT = re.compile(r"(?:^|[ \t])#|[\[\]{}]|^[ \t\r]*$", re.MULTILINE)


def has_layout(text: str) -> bool:
    """Whether `text` holds anything that a round-trip save keeps and `dump_session` would not:
    a comment (other than the schema modeline), a blank line or a flow collection."""
    if text.startswith("# yaml-language-server:"):
        text = text.partition("\n")[2]
    body = text[:-1] if text.endswith("\n") else text
    return not body or bool(_LAYOUT.search(body))


def open_for_edit(path: Path) -> EditableSession:
    """The same checks as `load_session`, plus the file's comments for `save_session`."""
    document = read_document(path)
    session = session_from_document(document)
    editable = EditableSession(path, session, document=document)
    if editable.keeps_layout:
        editable.tree  # noqa: B018 - built now, so that a file ruamel refuses is refused here
    return editable


def _rt_tree(document: Document) -> Any:
    from ruamel.yaml.error import YAMLError

    try:
        return _yaml().load(_split_tail(document.text)[0])
    except YAMLError as error:  # pragma: no cover - libyaml accepted it already
        mark = getattr(error, "problem_mark", None)
        raise FileProblemError.at(
            "yaml.syntax", path=document.path, hint="yaml.syntax_hint",
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
            problem=str(getattr(error, "problem", "") or error),
        ) from None


def _split_tail(text: str) -> tuple[str, str]:
    """The text, and the comments (and blank lines) that close it after the last value.

    Those belong to the end of the file, not to the key before them, so that they stay at
    the end when keys are put in canonical order (ruamel would move them with that key).
    """
    lines = text.splitlines(keepends=True)
    end = len(lines)
    while end and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    tail = "".join(lines[end:]).lstrip("\n")
    if not end or "#" not in tail:
        return text, ""
    return "".join(lines[:end]), tail if tail.endswith("\n") else tail + "\n"


def render_update(tree: Any, session: Session, tail: str = "") -> str:
    """`tree` (a file's round-trip data) updated to `session`, comments kept where they stand;
    `tail`, the comments that closed the file, closes it again."""
    merged = _merge(tree, session_data(session), session_data(session, defaults=True))
    stream = io.StringIO()
    _yaml().dump(merged, stream)
    return _with_modeline(stream.getvalue()) + tail


def canonical_text(text: str, path: Path) -> str:
    """A session file's text in canonical form, its comments kept (for `evaltool fmt`)."""
    document = Document(path=path, text=text, data=parse_text(text, path))
    session = session_from_document(document)
    tree = _rt_tree(document)
    _block_style(tree)
    return render_update(tree, session, _split_tail(text)[1])


def _block_style(node: Any) -> None:
    """Flow collections (`[a, b]`, `{k: v}`) become block style, as `dump_session` writes."""
    if hasattr(node, "fa"):
        node.fa.set_block_style()
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        _block_style(child)


def save_session(session: Session, path: Path, *, original: EditableSession | None = None,
                 exclusive: bool = False, mode: int | None = None) -> None:
    """Write `session` to `path` atomically; with `original`, keep that file's comments."""
    if original is not None and not original.dumps_alike(session):
        tail = _split_tail(original.text)[1] if original.text else ""
        text = render_update(original.tree, session, tail)
    else:
        text = dump_session(session)
    atomic_write(path, text.encode("utf-8"), exclusive=exclusive, mode=mode)


def _with_modeline(text: str) -> str:
    first, _, rest = text.partition("\n")
    if first.startswith("# yaml-language-server:"):
        return SCHEMA_MODELINE + "\n" + rest
    return SCHEMA_MODELINE + "\n" + text


def dump_data(data: Any) -> str:
    """Plain data of evaltool's own (a wizard draft, written after every answer) as YAML.

    libyaml's emitter, not ruamel's: a draft is rewritten after each answer and needs no
    comments kept; this is some fifty times faster. Text that looks like another type
    (`true`, `4`) is quoted, so it reads back as the same text."""
    import yaml

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        def ignore_aliases(self, data: Any) -> bool:
            return True  # the same list twice is written twice: our reader refuses aliases

    text: str = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                          width=1_000_000, default_flow_style=False)
    return text


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 1_000_000  # never fold a long line: diffs stay one line per sentence
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.preserve_quotes = False
    return yaml


def _node(value: Any) -> Any:
    """Plain data to ruamel nodes in canonical style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[_key(key)] = _node(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_node(item) for item in value)
    if isinstance(value, str):
        return _text(value)
    return value


def _looks_like_another_type(text: str) -> bool:
    """Whether a YAML 1.1 reader (PyYAML, older editors) would read `text` as something
    other than text when it is written plain: `no`, `on`, `0123`, `12:30`, `~`."""
    import yaml

    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = yaml.resolver.Resolver()
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    return tag != "tag:yaml.org,2002:str"


_RESOLVER: Any = None


def _key(key: Any) -> Any:
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    if isinstance(key, str) and _looks_like_another_type(key):
        return SingleQuotedScalarString(key)
    return key


def _text(value: str) -> Any:
    """Several lines become a literal block (`|`) when YAML can hold them exactly so; text
    that a reader of any YAML version could take for a number, date or yes/no is quoted."""
    from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

    lines = value.split("\n")
    literal = (
        len(lines) > 1
        and "\t" not in value
        and not value.startswith((" ", "\n"))
        and all(line == line.rstrip() for line in lines)
        and not value.endswith("\n\n")
    )
    if literal:
        return LiteralScalarString(value)
    if _looks_like_another_type(value):
        return SingleQuotedScalarString(value)
    return str(value)


def _merge(old: Any, new: Any, full: Any) -> Any:
    """Bring the round-trip node `old` to the plain data `new`, keeping comments on keys.

    `full` is `new` with its default values: a default that canonical form leaves out is
    kept when someone wrote a comment at the end of its line (`status: open  # to discuss`),
    so that the comment stays where it was written.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(new, dict) and isinstance(old, CommentedMap):
        kept = {key: full[key] for key in old
                if key not in new and key in full and _has_comment(old, key)}
        if kept:
            new = {key: value for key, value in full.items() if key in new or key in kept}
        for key in [key for key in old if key not in new]:
            _rescue_comments(old, key)
            del old[key]
        for key, value in new.items():
            if key not in old:
                old[_key(key)] = _node(value)
                continue
            merged, quoted = _merge(old[key], value, full.get(key, value)), _key(key)
            if quoted is not key:  # a dict keeps its first key object: replace it to quote it
                comment = old.ca.items.get(key)
                del old[key]
                old[quoted] = merged
                if comment is not None:
                    old.ca.items[quoted] = comment
            else:
                old[key] = merged
        for key in new:  # the schema's order, so that fmt gives canonical files
            old.move_to_end(key)
        return old
    if isinstance(new, list) and isinstance(old, CommentedSeq):
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merge(old[index], value, full[index] if index < len(full) else value)
            else:
                old.append(_node(value))
        for index in range(len(old) - 1, len(new) - 1, -1):
            _rescue_comments(old, index)
        del old[len(new):]
        return old
    return _node(new)


def _has_comment(container: Any, key: Any) -> bool:
    """Whether a comment stands at the end of the line of `key` itself."""
    try:
        line = container.lc.key(key)[0]
    except (AttributeError, KeyError, TypeError):
        return False
    return any(str(token.value).startswith("#") and getattr(token.start_mark, "line", -1) == line
               for token in _comment_tokens(container.ca.items.get(key)))


def _comment_tokens(value: Any) -> list[Any]:
    """Every comment token in a round-trip node, its children included, in file order."""
    from ruamel.yaml.tokens import CommentToken

    if isinstance(value, CommentToken):
        return [value]
    if isinstance(value, list) and not hasattr(value, "ca"):
        return [token for item in value for token in _comment_tokens(item)]
    tokens: list[Any] = []
    ca = getattr(value, "ca", None)
    if ca is not None:
        tokens += _comment_tokens(ca.comment)
        children = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in children:
            tokens += _comment_tokens(ca.items.get(key)) + _comment_tokens(child)
    return tokens


def _rescue_comments(container: Any, key: Any) -> None:
    """Before `key` is dropped (a default value, a removed item), move its comments to the
    item before it, so that no hand-written comment is lost (`evaltool fmt`)."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    tokens = _comment_tokens(container.ca.items.pop(key, None)) + _comment_tokens(container[key])
    text = "".join(str(token.value) for token in tokens)
    if "#" not in text:
        return
    keys = list(container.keys()) if isinstance(container, dict) else list(range(len(container)))
    position = keys.index(key)
    if position == 0:
        return  # nothing before it to hold the comment; fmt notices and refuses
    target, previous = container, keys[position - 1]
    while isinstance(target[previous], (dict, list)) and len(target[previous]):
        target = target[previous]
        previous = list(target.keys())[-1] if isinstance(target, dict) else len(target) - 1
    if not hasattr(target, "ca"):
        return
    slot = target.ca.items.setdefault(previous, [None, None, None, None])
    if len(slot) < 3:
        return
    text = text if text.startswith("\n") else "\n" + text
    if slot[2] is None:
        slot[2] = CommentToken(text, CommentMark(0))
    else:
        slot[2].value = slot[2].value.rstrip("\n") + text


def comment_lines(text: str) -> list[str]:
    """The comments written in a YAML text, one entry per comment line, stripped."""
    from ruamel.yaml.tokens import CommentToken

    lines: list[str] = []
    for token in _yaml().scan(text):
        for item in _comment_tokens(getattr(token, "_comment", None) or []):
            if isinstance(item, CommentToken):
                lines += [line.strip() for line in str(item.value).splitlines()
                          if line.strip().startswith("#")]
    return lines


def atomic_write(path: Path, data: bytes, *, exclusive: bool = False,
                 mode: int | None = None) -> None:
    """Replace `path` with `data` all at once: the old file stays whole if anything fails.

    With `exclusive`, an existing file (even one that appeared a moment ago) is never
    replaced. The file keeps its mode; a new one gets `mode`, else 0644 less the umask.
    """
    directory = path.parent
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        missing = isinstance(error, FileNotFoundError)
        raise WriteError.at("store.cannot_write", path=path, reason=_reason(error),
                            hint="store.no_folder_hint" if missing else "store.cannot_write_hint"
                            ) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            portable.set_mode(temporary, _mode_for(path, mode), stream.fileno())
        if exclusive:
            try:
                portable.link_exclusive(Path(temporary), path)
            except FileExistsError:
                raise WriteError.at("store.exists", path=path, hint="store.exists_hint") from None
        else:
            os.replace(temporary, path)
        portable.sync_folder(directory)
    except OSError as error:
        raise WriteError.at("store.cannot_write", path=path, reason=_reason(error),
                            hint="store.cannot_write_hint") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _mode_for(path: Path, mode: int | None) -> int:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        pass
    if mode is not None:
        return mode
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _path_order(name: str) -> str:
    """A key that sorts path names as `Path` objects sort: part by part (and on Windows
    without case), because the separator becomes the lowest character."""
    return os.path.normcase(name).replace(os.sep, "\0")


def iter_session_files(paths: Iterable[Path], *, drafts: bool = False) -> Iterable[Path]:
    """Files named on the command line, and every *.yaml below the folders named: not in
    hidden folders, and in `.drafts` only with `drafts`."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        found: list[str] = []
        # os.walk tells folders from the rest without a stat per file (pipes and dangling
        # links are listed with the files: they are reported, not skipped).
        for folder, folders, files in os.walk(path):
            folders[:] = [name for name in folders
                          if not name.startswith(".") or (drafts and name == ".drafts")]
            found += [os.path.join(folder, name) for name in files
                      if name.endswith(".yaml") and not name.startswith(".")]
        # Sorted as paths sort (part by part), but kept as text: 10,000 Path objects
        # would take 7 MB for the whole run.
        for name in sorted(found, key=_path_order):
            yield Path(name)
