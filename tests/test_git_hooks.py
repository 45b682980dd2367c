"""The pre-commit hooks this repository offers (.pre-commit-hooks.yaml), run the way
pre-commit runs them: the entry, then the names of the staged files that match."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from conftest import EXAMPLE, REPO
from evaltool.cli import build_app
from inputs import copy_example, edited, session_text

HOOKS: list[dict[str, Any]] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())


def hook(hook_id: str) -> dict[str, Any]:
    return next(h for h in HOOKS if h["id"] == hook_id)


def run_hook(hook_id: str, files: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """What pre-commit does: filter the files with `files`/`exclude`, append them."""
    definition = hook(hook_id)
    chosen = [f for f in files if re.search(definition["files"], f)
              and not re.search(definition.get("exclude", "^$"), f)]
    command = shlex.split(definition["entry"])
    assert command[0] == "evaltool"
    return subprocess.run([sys.executable, "-m", "evaltool", *command[1:], *chosen], cwd=cwd,
                          capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "EVALTOOL_LANG": "en"})


def test_the_hooks_are_offered_and_name_real_commands() -> None:
    assert [h["id"] for h in HOOKS] == ["evaltool-validate", "evaltool-fmt"]
    group: Any = typer.main.get_command(build_app())
    for definition in HOOKS:
        assert definition["language"] == "python"  # pre-commit installs this package
        assert definition["name"] and definition["description"]
        subcommand = shlex.split(definition["entry"])[1]
        assert subcommand in group.commands and not group.commands[subcommand].hidden


@pytest.mark.parametrize(("path", "matched"), [
    ("sessions/2021-01-28-casus-cornelis-musius.yaml", True),
    ("team-a/sessions/2021/sessie.yml", True),
    ("sessions/.drafts/2021-02-01-casus.yaml", False),
    ("templates/vocabularies/delft.yaml", False),
    (".pre-commit-config.yaml", False),
])
def test_the_hooks_pick_session_files_only(path: str, matched: bool) -> None:
    for definition in HOOKS:
        chosen = bool(re.search(definition["files"], path)) and not re.search(
            definition["exclude"], path)
        assert chosen is matched, (definition["id"], path)


@pytest.fixture
def staged(tmp_path: Path) -> Path:
    copy_example(tmp_path / "sessions")
    # Valid, but not as fmt writes it: a comment, a default spelled out.
    loose = edited(session_text({"id": "loose"}),
                   ("status: final\n", "status: final   # na terugkoppeling\n"),
                   ("  fu-1:\n", "  fu-1:\n    status: open\n"))
    (tmp_path / "sessions" / "loose.yaml").write_text(loose, encoding="utf-8")
    return tmp_path


def test_validate_hook_passes_good_files_and_stops_a_broken_one(staged: Path) -> None:
    files = [f"sessions/{EXAMPLE.name}", "sessions/loose.yaml", "README.md"]
    assert run_hook("evaltool-validate", files, staged).returncode == 0
    broken = staged / "sessions" / "broken.yaml"
    broken.write_text(edited(session_text({"id": "broken"}),
                             ("  judgement: positive", "  judgement: super")), encoding="utf-8")
    result = run_hook("evaltool-validate", [*files, "sessions/broken.yaml"], staged)
    assert result.returncode == 1
    assert "error: sessions/broken.yaml:17:14: casus.judgement: 'super'" in result.stderr


def test_fmt_hook_rewrites_then_passes(staged: Path) -> None:
    files = [f"sessions/{EXAMPLE.name}", "sessions/loose.yaml"]
    first = run_hook("evaltool-fmt", files, staged)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "reformatted sessions/loose.yaml\n"
    text = (staged / "sessions" / "loose.yaml").read_text(encoding="utf-8")
    assert "status: final   # na terugkoppeling\n" in text and "    status: open\n" not in text
    second = run_hook("evaltool-fmt", files, staged)  # pre-commit's second run: nothing to do
    assert (second.returncode, second.stdout) == (0, "")
