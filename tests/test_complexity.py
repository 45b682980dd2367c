"""The code only gets simpler: functions under ruff's complexity limit, classes of a size
one can read, and the lists of what still exceeds them only shrink."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import REPO

LINT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"][
    "lint"]
RATCHETED = sorted(path for path, codes in LINT["per-file-ignores"].items() if "C901" in codes)

CLASS_LINES = 250
"""A class longer than this is split (by what its parts own)."""


def too_complex(paths: list[Path]) -> set[Path]:
    """The files among `paths` that hold a function over the complexity limit, as ruff
    finds them without the per-file exceptions."""
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", "--select", "C901",
         "--config", f"lint.mccabe.max-complexity={LINT['mccabe']['max-complexity']}",
         "--output-format", "json", *map(str, paths)],
        cwd=REPO, capture_output=True, text=True, check=False)
    return {Path(found["filename"]).resolve() for found in json.loads(done.stdout)}


def test_the_complexity_rule_is_on_at_15() -> None:
    assert "C90" in LINT["select"]
    assert LINT["mccabe"]["max-complexity"] == 15


def test_every_file_excused_from_the_complexity_rule_still_needs_it() -> None:
    """A file whose functions were all split leaves the list (remove it from pyproject)."""
    excused = [(REPO / path).resolve() for path in RATCHETED]
    assert excused  # the list is read
    assert sorted(set(excused) - too_complex(excused)) == []


def test_the_check_sees_a_function_that_is_too_complex(tmp_path: Path) -> None:
    branches = "\n".join(f"    if x == {n}:\n        return {n}" for n in range(16))
    tangled = tmp_path / "tangled.py"
    tangled.write_text(f"def tangled(x: int) -> int:\n{branches}\n    return -1\n")
    plain = tmp_path / "plain.py"
    plain.write_text("def plain(x: int) -> int:\n    return x\n")
    assert too_complex([tangled, plain]) == {tangled.resolve()}


def _classes() -> dict[str, int]:
    found = {}
    for path in sorted((REPO / "src").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                name = f"{path.relative_to(REPO)}::{node.name}"
                found[name] = node.end_lineno - node.lineno + 1
    return found


CLASSES = _classes()


def test_no_class_is_longer_than_one_can_read() -> None:
    longer = {name: lines for name, lines in CLASSES.items() if lines > CLASS_LINES}
    assert longer == {}
