"""A session file is `*.yaml`, everywhere alike: what the shell completes is what evaltool
takes from a folder, what git's attributes name and what the wizard writes. A `.yml` file
is still read when it is named (a file someone renamed by hand), never taken from a folder
nor offered by the shell."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLE, Invoke
from evaltool.commands.git import complete_session_paths
from evaltool.git.setup import attribute_pattern
from evaltool.session.workspace import SUFFIX, has_sessions, iter_session_files, session_path

# (file, whether evaltool takes it from the folder)
FILES = [
    ("2021-01-28-casus-cornelis-musius.yaml", True),
    ("2021-01-29-kopie.yml", False),
    ("2021-01-30-hoofdletters.YAML", False),
    (".verborgen.yaml", False),
    ("notities.txt", False),
    ("deel/2021-02-01-casus-deel.yaml", True),
    (".drafts/new-20210128-143000.yaml", False),
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    sessions = tmp_path / "sessions"
    for name, _ in FILES:
        path = sessions / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = EXAMPLE.read_text(encoding="utf-8")
        path.write_text(text.replace("id: 2021-01-28-casus-cornelis-musius",
                                     f"id: {path.name.split('.')[0] or 'x'}"), encoding="utf-8")
    return sessions


def completed(folder: Path) -> set[Path]:
    """Every file the shell completes below `folder`, going into each folder it offers."""
    found: set[Path] = set()
    waiting = [f"{folder}/"]
    while waiting:
        for shown in complete_session_paths(waiting.pop()):
            if shown.endswith("/"):
                waiting.append(shown)
            else:
                found.add(Path(shown))
    return found


def test_the_shell_completes_the_files_evaltool_reads_from_a_folder(folder: Path) -> None:
    taken = {folder / name for name, taken in FILES if taken}
    assert set(iter_session_files([folder])) == taken
    assert completed(folder) == taken
    assert all(path.name.endswith(SUFFIX) for path in taken)


def test_validate_checks_those_files_and_reads_a_yml_file_named(cli: Invoke,
                                                               folder: Path) -> None:
    result = cli("validate", folder)
    assert result.exit_code == 0, result.output
    assert "2 files checked: 2 valid, 0 invalid" in result.stdout
    named = cli("validate", folder / "2021-01-29-kopie.yml")
    assert named.exit_code == 0, named.output
    assert "1 file checked: 1 valid" in named.stdout


def test_a_folder_of_yml_files_only_holds_no_sessions(tmp_path: Path) -> None:
    (tmp_path / "2021-01-28-casus.yml").write_text("x", encoding="utf-8")
    assert not has_sessions(tmp_path)
    (tmp_path / "2021-01-28-casus.yaml").write_text("x", encoding="utf-8")
    assert has_sessions(tmp_path)


def test_git_and_the_wizard_use_the_same_suffix(tmp_path: Path) -> None:
    assert attribute_pattern(tmp_path, tmp_path / "sessions") == f"sessions/**/*{SUFFIX}"
    assert session_path(tmp_path, "2021-01-28-casus").name == f"2021-01-28-casus{SUFFIX}"
    assert os.path.splitext(EXAMPLE.name)[1] == SUFFIX
