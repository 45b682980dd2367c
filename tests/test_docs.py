"""The README and the help texts keep up with the commands (after sqlite-utils' docs test)."""

from __future__ import annotations

import re
import shlex
from typing import Any

import pytest
import typer

from conftest import REPO
from evaltool.cli import build_app
from evaltool.i18n import set_language

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, Any]:
    group: Any = typer.main.get_command(build_app())
    return {name: command for name, command in group.commands.items() if not command.hidden}


COMMANDS = sorted(_commands())


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"evaltool {name}" in README


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_command_and_option_has_help(language: str) -> None:
    set_language(language)
    try:
        for name, command in _commands().items():
            assert command.help and command.help.strip(), name
            for parameter in command.params:
                if parameter.param_type_name == "option" and not parameter.hidden:
                    assert parameter.help, f"{name} {parameter.name}"
    finally:
        set_language("en")


def test_the_readme_starts_with_the_two_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    first, second = (block.strip() for block in blocks[:2])
    assert "\n" not in first and "\n" not in second
    assert "pip install" in first and "evaltool " in first
    assert "'.[test]'" in second and "pytest" in second
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == second
    # The first command runs evaltool on the bundled example session.
    example = shlex.split(first.split("&&")[-1])[-1]
    assert (REPO / example).is_file()
