"""Golden files: the reports of the example session and of a three-session route.

Every format in both languages, byte for byte. After an intended change to a report,
regenerate them with `EVALTOOL_REGEN_GOLDEN=1 python -m pytest tests/test_render_golden.py`
and review the diff of `tests/golden/` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLE, Invoke
from inputs import ROUTE

GOLDEN = Path(__file__).resolve().parent / "golden"
REGENERATE = os.environ.get("EVALTOOL_REGEN_GOLDEN") == "1"
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}

CASES = [
    (subject, output_format, language)
    for subject in ("session", "route")
    for output_format in EXTENSIONS
    for language in ("en", "nl")
]


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with EVALTOOL_REGEN_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs; if intended, regenerate and review the diff"


@pytest.mark.parametrize(("subject", "output_format", "language"), CASES)
def test_report_matches_its_golden_file(cli: Invoke, subject: str, output_format: str,
                                        language: str) -> None:
    target = EXAMPLE if subject == "session" else ROUTE
    result = cli("--lang", language, "summarize", "--format", output_format, "--width", "80",
                 target)
    assert result.exit_code == 0, result.output
    _compare(f"{subject}.{language}.{EXTENSIONS[output_format]}", result.stdout)


@pytest.mark.parametrize("subject", ["session", "route"])
def test_published_report_matches_its_golden_file(cli: Invoke, subject: str) -> None:
    target = EXAMPLE if subject == "session" else ROUTE
    result = cli("--lang", "nl", "summarize", "--public", "--format", "markdown", target)
    assert result.exit_code == 0, result.output
    _compare(f"{subject}.public.nl.md", result.stdout)
    assert "geanonimiseerd" in result.stderr
