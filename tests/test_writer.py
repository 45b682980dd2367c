"""The canonical writer: the same form as ever, read alike by every YAML reader, and every
comment kept through fmt, edit and finalize.

`evaltool.session.yamlwriter` replaced ruamel.yaml's round trip (seconds per thousand entries)
with a linear writer. Its output is compared here with what ruamel.yaml's emitter wrote
for the same session (so that no file written before changes under `evaltool fmt`), and
read back with check-jsonschema's YAML reader (what editors and CI see).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE, Invoke
from evaltool.session import store, yamlwriter
from evaltool.session.models import Session, session_data
from inputs import edited
from strategies import TYPED, sessions

SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])


# --- what ruamel.yaml wrote before: the reference of the canonical form ------------------------


def ruamel_dump(session: Session) -> str:
    """`store.dump_session` as it was until 0.1.0: ruamel.yaml's emitter, two spaces, list
    items under their key, no folding, literal blocks, and text that PyYAML (YAML 1.1)
    would read as another type single-quoted (ruamel itself quotes what YAML 1.2 would)."""
    import yaml as pyyaml
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

    resolver = pyyaml.resolver.Resolver()

    def typed(text: str) -> bool:
        return resolver.resolve(pyyaml.ScalarNode, text, (True, False)) != \
            "tag:yaml.org,2002:str"

    def text_node(value: str) -> Any:
        lines = value.split("\n")
        if (len(lines) > 1 and "\t" not in value and not value.startswith((" ", "\n"))
                and all(line == line.rstrip() for line in lines)
                and not value.endswith("\n\n")):
            return LiteralScalarString(value)
        return SingleQuotedScalarString(value) if typed(value) else value

    def node(value: Any) -> Any:
        if isinstance(value, dict):
            mapping = CommentedMap()
            for key, item in value.items():
                mapping[SingleQuotedScalarString(key) if typed(key) else key] = node(item)
            return mapping
        if isinstance(value, list):
            return CommentedSeq(node(item) for item in value)
        return text_node(value) if isinstance(value, str) else value

    emitter = YAML(typ="rt")
    emitter.width = 1_000_000
    emitter.indent(mapping=2, sequence=4, offset=2)
    emitter.allow_unicode = True
    stream = io.StringIO()
    stream.write(store.SCHEMA_MODELINE + "\n")
    emitter.dump(node(session_data(session)), stream)
    return stream.getvalue()


@SETTINGS
@given(sessions())
def test_the_canonical_form_is_the_one_ruamel_yaml_wrote(session: Session) -> None:
    assert store.dump_session(session) == ruamel_dump(session)


@pytest.mark.parametrize("value", TYPED)
def test_every_tricky_value_is_written_as_ruamel_yaml_wrote_it(value: str) -> None:
    session = store.load_session(EXAMPLE)
    session.casus.plan = value
    session.participants["subsidieadviseur"].function = value.replace("\n", " ").strip() or "x"
    assert store.dump_session(session) == ruamel_dump(session)


# --- every reader reads what evaltool writes as evaltool does ----------------------------------


def check_jsonschema_reads(text: str) -> Any:
    """The data check-jsonschema (and so an editor with yaml-language-server) reads."""
    from check_jsonschema.parsers.yaml import construct_yaml_implementation, impl2loader

    return impl2loader(construct_yaml_implementation())(io.BytesIO(text.encode("utf-8")))


def as_json(session: Session) -> Any:
    return json.loads(json.dumps(session_data(session), default=dt.date.isoformat))


@SETTINGS
@given(sessions())
def test_check_jsonschema_reads_what_evaltool_writes_as_evaltool_does(session: Session) -> None:
    text = store.dump_session(session)
    assert check_jsonschema_reads(text) == as_json(session)
    assert store.parse_session_text(text, Path("x.yaml")) == session


# --- comments at every line end and between all entries -------------------------------------

COMPLETE = {  # what `finalize` asks of a session, so that it saves
    "plan": "Het plan.", "realised": "Gerealiseerd.", "judgement": "positive",
}


def _complete(session: Session) -> Session:
    from evaltool.session.models import Finding, Participant

    session.status = "draft"
    for field, value in COMPLETE.items():
        setattr(session.casus, field, value)
    session.participants["verslag"] = Participant(function="Toehoorder",
                                                  session_role="listener_reporter")
    session.findings["succes"] = Finding(kind="success_factor", text="Vertrouwen.")
    session.findings["opbrengst"] = Finding(kind="yield", text="Samen.")
    session.reflection = "Nagedacht."
    return session


def literal_lines(lines: list[str]) -> set[int]:
    """The lines that are the content of a literal block (`key: |-`): text, not layout."""
    inside: set[int] = set()
    block_indent: int | None = None
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None and (not line.strip() or indent > block_indent):
            inside.add(number)
            continue
        block_indent = indent if re.search(r"(?:^|: |- )\|-?$", line.strip()) else None
    return inside


def with_comments_everywhere(text: str) -> tuple[str, list[str]]:
    """`text` with a comment at the end of every line and one on a line of its own above
    every line (but inside literal blocks, where they would be text), and a last one."""
    lines = text.split("\n")[:-1]
    content = literal_lines(lines)
    out, comments = [lines[0]], []
    for number, line in enumerate(lines[1:], 1):
        if number in content:
            out.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip(" ")))
        above, behind = f"# boven {number}", f"# achter {number}"
        out += [indent + above, f"{line}  {behind}"]
        comments += [above, behind]
    out.append("# het einde")
    comments.append("# het einde")
    return "\n".join(out) + "\n", comments


@SETTINGS
@given(sessions(), st.sampled_from(["fmt", "edit", "finalize"]), st.booleans())
def test_comments_everywhere_survive_fmt_edit_and_finalize(
        cli: Invoke, tmp_path_factory: pytest.TempPathFactory, session: Session,
        command: str, defaults: bool) -> None:
    """`defaults`: the file spells out every default value (`roles: []`, `status: open`),
    as hand-written files do; a comment behind one keeps it in the file."""
    session = _complete(session)
    folder = tmp_path_factory.mktemp("comments")
    path = folder / f"{session.id}.yaml"
    text, comments = with_comments_everywhere(
        yamlwriter.write(session_data(session, defaults=True)) if defaults
        else store.dump_session(session))
    path.write_text(text, encoding="utf-8")
    assert store.load_session(path) == session  # the comments change nothing
    if command == "fmt":
        result, expected = cli("fmt", path), session
    elif command == "edit":
        answers = folder / "answers.yaml"
        answers.write_text("plan: Een nieuw plan.\n", encoding="utf-8")
        result = cli("edit", path, "--step", "plan", "--answers", answers)
        expected = session.model_copy(deep=True)
        expected.casus.plan = "Een nieuw plan."
    else:
        result = cli("finalize", path)
        expected = session.model_copy(update={"status": "final"})
    assert result.exit_code == 0, result.output
    written = path.read_text(encoding="utf-8")
    assert store.load_session(path) == expected
    assert Counter(store.comments(written)) == Counter(comments)
    assert cli("fmt", "--check", path).exit_code == 0  # and it stays that way


def test_an_empty_list_with_a_comment_goes_through_fmt(cli: Invoke, tmp_path: Path) -> None:
    """`roles: []  # nog aanvullen` made fmt end in a traceback (the pre-commit hook broke)."""
    path = tmp_path / EXAMPLE.name
    text = edited(EXAMPLE.read_text(encoding="utf-8"), (
        "    session_role: listener_reporter\n",
        "    session_role: listener_reporter\n    roles: []  # nog aanvullen\n"
        "    position: {quadrants: [networking_government]}  # voorlopig\n"))
    path.write_text(text, encoding="utf-8")
    for arguments in (("fmt", "--check"), ("fmt",), ("fmt", "--check")):
        result = cli(*arguments, path)
        assert result.exit_code in (0, 1) and "Traceback" not in result.output
    written = path.read_text(encoding="utf-8")
    assert "    roles: []  # nog aanvullen\n" in written
    # A comment keeps its column where the line leaves room (as ruamel.yaml did).
    assert re.search(r"\n        - networking_government +# voorlopig\n", written)
    assert cli("fmt", "--check", path).exit_code == 0


def test_the_writer_never_writes_a_list_inside_a_list() -> None:
    with pytest.raises(TypeError):
        yamlwriter.write({"a": [[1]]})
