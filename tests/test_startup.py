"""`evaltool --help` stays quick: it loads no heavy library (timings live in bench/bench.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("pydantic", "pydantic_core", "ruamel", "rich.console", "yaml", "sqlite3",
         "evaltool.session.store", "evaltool.session.models", "evaltool.report.summary",
         "evaltool.report.cache")

PROGRAM = """
import json, sys
from evaltool.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def modules_after(*args: str) -> tuple[int, set[str]]:
    """The exit code and every module imported by one whole `evaltool ARGS` process."""
    done = subprocess.run([sys.executable, "-c", PROGRAM, *args], capture_output=True,
                          text=True, check=False, env={"EVALTOOL_LANG": "en", "PATH": ""})
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], set(report["modules"])


@pytest.mark.parametrize("args", [("--help",), (), ("--version",), ("--lang", "nl", "--help")],
                         ids=["help", "no-arguments", "version", "dutch-help"])
def test_help_imports_nothing_heavy(args: tuple[str, ...]) -> None:
    code, modules = modules_after(*args)
    assert code in (0, 2)
    loaded = sorted(name for name in HEAVY
                    if name in modules or any(m.startswith(name + ".") for m in modules))
    assert loaded == []


def test_the_check_would_see_a_heavy_import() -> None:
    """The same probe run on a command that reads a session does see them."""
    from conftest import EXAMPLE

    code, modules = modules_after("validate", str(EXAMPLE))
    assert code == 0
    assert {"pydantic", "yaml", "evaltool.session.store"} <= modules
