"""References across files: a session's id is its file's name, and every `continues` names
an existing follow-up of an earlier session (so no chain of follow-ups can loop).

`validate` checks them with file:line:col; `summarize` never follows one that breaks the
rule, so a question is never shown as closed by itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import EXAMPLE, Invoke
from inputs import copy_route, edit_file

FIRST = "2021-01-28-casus-cornelis-musius"      # follow-ups fu-1 ... fu-4
SECOND = "2021-04-22-casus-groen-schoolplein"   # continues FIRST#fu-4; has fu-1
THIRD = "2021-06-24-casus-zonnedaken-scholen"   # continues FIRST#fu-1 and SECOND#fu-1


def set_continues(path: Path, old: str, new: str) -> int:
    """Make one `continues` in `path` say `new` (adding one to fu-1 if `old` is empty);
    the line it stands on."""
    edit_file(path, (f"continues: {old}\n", f"continues: {new}\n") if old
              else ("  fu-1:\n", f"  fu-1:\n    continues: {new}\n"))
    return path.read_text(encoding="utf-8").split("\n").index(f"    continues: {new}") + 1


# which file, which `continues` (empty: a new one on fu-1), what it says now, the message
CASES = [
    ("itself", SECOND, f"{FIRST}#fu-4", f"{SECOND}#fu-1",
     f"continues '{SECOND}#fu-1', a follow-up of this same session"),
    ("its own follow-up", FIRST, "", f"{FIRST}#fu-1",
     f"continues '{FIRST}#fu-1', a follow-up of this same session"),
    ("a later session", FIRST, "", f"{THIRD}#fu-1",
     f"continues '{THIRD}#fu-1', of 2021-06-24, which is not before this session (2021-01-28)"),
    ("a cycle across files", FIRST, "", f"{SECOND}#fu-1",
     f"continues '{SECOND}#fu-1', of 2021-04-22, which is not before this session"),
    ("a session that is not there", THIRD, f"{SECOND}#fu-1", "2021-05-01-casus-elders#fu-1",
     "continues '2021-05-01-casus-elders#fu-1', but there is no such session (no "),
    ("a follow-up that is not there", THIRD, f"{FIRST}#fu-1", f"{FIRST}#fu-9",
     f"continues '{FIRST}#fu-9', but session {FIRST} has no follow-up 'fu-9'"),
]


@pytest.mark.parametrize(("case", "name", "old", "new", "message"), CASES,
                         ids=[case[0] for case in CASES])
def test_validate_checks_every_continues(cli: Invoke, tmp_path: Path, case: str, name: str,
                                         old: str, new: str, message: str) -> None:
    folder = copy_route(tmp_path / "sessions")
    path = folder / f"{name}.yaml"
    line = set_continues(path, old, new)
    result = cli("validate", folder)
    assert result.exit_code == 1
    assert re.search(rf"^error: {re.escape(str(path))}:{line}:16: {re.escape(message)}",
                     result.stderr, re.M), result.stderr
    assert "3 files checked: 2 valid, 1 invalid" in result.stdout
    # One file alone: the session it names is found next to it, by its id.
    alone = cli("validate", path)
    assert alone.exit_code == 1 and message in alone.stderr


def test_a_route_whose_references_are_right_validates(cli: Invoke, tmp_path: Path) -> None:
    folder = copy_route(tmp_path / "sessions")
    assert cli("validate", folder).exit_code == 0
    for path in sorted(folder.glob("*.yaml")):  # each alone too: found beside it
        assert cli("validate", path).exit_code == 0


def test_a_session_named_is_found_wherever_it_was_checked(cli: Invoke, tmp_path: Path) -> None:
    """The later session comes first (another folder), the earlier one after: still found."""
    later = copy_route(tmp_path / "a")
    earlier = tmp_path / "b"
    earlier.mkdir()
    (later / f"{FIRST}.yaml").rename(earlier / f"{FIRST}.yaml")
    result = cli("validate", later, earlier)
    assert result.exit_code == 0, result.output
    assert "3 files checked: 3 valid, 0 invalid" in result.stdout


def test_a_session_whose_id_is_not_its_file_name_is_refused(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "verslag-januari.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    result = cli("validate", path)
    assert result.exit_code == 1
    line = EXAMPLE.read_text(encoding="utf-8").split("\n").index(f"id: {FIRST}") + 1
    assert (f"error: {path}:{line}:5: the id '{FIRST}' is not the file's name "
            f"'verslag-januari' — rename the file to {FIRST}.yaml, or set id: verslag-januari"
            ) in result.stderr


@pytest.mark.parametrize(("case", "name", "old", "new", "message"), CASES,
                         ids=[case[0] for case in CASES])
def test_summarize_follows_only_references_to_earlier_sessions(
        cli: Invoke, tmp_path: Path, case: str, name: str, old: str, new: str,
        message: str) -> None:
    folder = copy_route(tmp_path / "sessions")
    set_continues(folder / f"{name}.yaml", old, new)
    result = cli("summarize", "-f", "json", "--no-cache", folder)
    assert result.exit_code == 0, result.output
    threads = json.loads(result.stdout)["follow_ups"]["items"]
    for thread in threads:
        dates = [thread["opened_on"], *(step["date"] for step in thread["history"])]
        assert dates == sorted(dates) and len(set(dates)) == len(dates), thread
        if thread["closed_on"] is not None:  # never closed on the day it opened, by itself
            assert thread["history"] or thread["status"] != "open", thread
