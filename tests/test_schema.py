"""The JSON Schema for editors: in sync with `evaltool schema`, named by the store's modeline,
and checked for real with the check-jsonschema command line (as editors and CI use it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE, REPO, Invoke
from evaltool.fs import resources
from evaltool.session import store
from inputs import edited

SCHEMA = REPO / "templates" / "session.schema.json"


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema),
         *(str(f) for f in files)],
        capture_output=True, text=True, check=False)


@pytest.fixture
def schema_file(cli: Invoke, tmp_path: Path) -> Path:
    """The schema exactly as `evaltool schema` prints it."""
    path = tmp_path / "session.schema.json"
    path.write_text(cli("schema").stdout, encoding="utf-8")
    return path


def test_the_schema_file_is_what_evaltool_schema_prints(cli: Invoke) -> None:
    printed = cli("schema").stdout
    assert SCHEMA.read_text(encoding="utf-8") == printed, (
        "templates/session.schema.json is out of date: evaltool schema > "
        "templates/session.schema.json")
    assert (resources.bundled_templates() / "session.schema.json").read_text(
        encoding="utf-8") == printed


def test_the_modeline_names_the_schema_file_from_the_sessions_folder(example: Path) -> None:
    assert example.read_text(encoding="utf-8").splitlines()[0] == store.SCHEMA_MODELINE
    relative = store.SCHEMA_MODELINE.split("$schema=", 1)[1]
    assert (example.parent / relative).resolve() == SCHEMA.resolve()
    session = store.load_session(example)
    assert store.dump_session(session).splitlines()[0] == store.SCHEMA_MODELINE


def test_the_example_validates_against_the_exported_schema(schema_file: Path) -> None:
    result = check_jsonschema(schema_file, EXAMPLE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


@pytest.mark.parametrize(("change", "message"), [
    (("status: final", "status: klaar"), "$.status: 'klaar' is not one of ['draft', 'final']"),
    (("  judgement: positive", "  judgement: great"), "$.casus.judgement"),
    (("    attendance: absent", "    attendance: absent\n    reason: ziek"),
     "Additional properties are not allowed ('reason' was unexpected)"),
    (("  session_number: 1", "  session_number: many"), "$.casus.session_number"),
    (("        orientation: internal\n        note: Begeleiden",
      "        orientation: inward\n        note: Begeleiden"), "$.participants"),
    (("schema_version: 2\n", ""), "'schema_version' is a required property"),
])
def test_a_broken_file_fails(schema_file: Path, tmp_path: Path,
                             change: tuple[str, str], message: str) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(edited(EXAMPLE.read_text(encoding="utf-8"), change), encoding="utf-8")
    result = check_jsonschema(schema_file, broken)
    assert result.returncode == 1, result.stdout
    assert "Schema validation errors were encountered." in result.stdout
    assert message in result.stdout


# evaltool's reader keeps every scalar as the text that was written, and converts it
# where a field wants a number, flag or date; the schema types those fields. Editors and
# check-jsonschema read YAML 1.2, in which `2021` is a number and `"true"` is text.
TRICKY = """\
schema_version: 1
id: 2021-05-01-casus-2021
status: draft
casus:
  title: 2021
  date: 2021-05-01
  session_number: '3'
participants:
  null-persoon:
    name: Null
    function: 'yes'
    department: '0612345678'
    roles:
      - role: adviser
        orientation: city
        usual: "true"
        played: 'false'
follow_ups:
  fu-1:
    question: 'Klaar: ja of nee?'
    due: '2021-06-01'
"""


def test_what_evaltool_writes_passes_check_jsonschema(
        cli: Invoke, schema_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "sessions" / "2021-05-01-casus-2021.yaml"
    path.parent.mkdir()
    path.write_text(TRICKY, encoding="utf-8")
    assert cli("validate", path).exit_code == 0  # evaltool reads it as meant ...
    before = check_jsonschema(schema_file, path)  # ... an editor flags the loose spots
    assert before.returncode == 1
    assert "$.casus.title: 2021 is not of type 'string'" in before.stdout
    assert "usual: 'true' is not of type 'boolean'" in before.stdout
    assert cli("fmt", path).exit_code == 0  # and fmt writes it so that both agree
    after = check_jsonschema(schema_file, path)
    assert after.returncode == 0, after.stdout
    text = path.read_text(encoding="utf-8")
    assert "  title: '2021'\n" in text and "        usual: true\n" in text
    session = store.load_session(path)
    assert session.casus.title == "2021" and session.participants["null-persoon"].name == "Null"
    assert check_jsonschema(schema_file, EXAMPLE, path).returncode == 0
