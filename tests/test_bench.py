"""The benchmark of docs/speed.md runs and prints its table (a smoke run: tiny sizes, one repeat;
the figures themselves are read by people, never asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_benchmark_prints_a_row_for_every_measurement(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "bench.py"), "--small", "3", "--large", "6",
         "--entries", "5,10,20", "--participants", "8", "--repeat", "1",
         "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    collection, _, large_file = done.stdout.partition("\n| one session file |")
    rows = [line for line in collection.splitlines() if line.startswith("| ")]
    assert rows[0] == "| what | median ms | × floor | ms per file | peak MiB |"
    labels = [row.split(" | ")[0].lstrip("| ") for row in rows[2:]]
    for expected in ("`evaltool --help`", "`evaltool summarize` one session",
                     "`evaltool validate` 6 files",
                     "`evaltool summarize -f json` 6 files, cold (empty cache)",
                     "`evaltool summarize -f json` 6 files, warm (cache present)",
                     "`evaltool summarize -f json --no-cache` 6 files"):
        assert expected in labels, (expected, labels)
    for what in ("validate", "summarize cold"):  # at three and six files, linear or not
        assert any(label.startswith(f"{what}, marginal (") for label in labels), labels
    measured = [row for row in rows[2:] if "marginal" not in row and "in-process" not in row]
    for row in measured:  # every command ran, and ran well: a median, a ratio, a peak
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert "exit" not in cells[0] and "n/a" not in cells[1], row
        assert float(cells[1]) > 0 and float(cells[2]) > 0 and float(cells[4]) > 0, row
    assert "floor (`python -c pass`, median of all pairs):" in done.stdout
    assert len(list((tmp_path / "sessions-6").glob("*.yaml"))) == 6
    # One large session file: every command at three sizes, its slope, and many people.
    header = " 5 findings | 10 findings | 20 findings | ms per 1,000 findings more | growth |"
    assert large_file.startswith(header), large_file[:200]
    table = large_file
    for command in ("`evaltool validate`", "`evaltool fmt` (rewrites the file)",
                    "`evaltool finalize`", "`evaltool edit --step plan --answers`",
                    "git merge driver, both add a finding", "git merge driver, one conflict",
                    "`evaltool summarize --public -f markdown`"):
        row = next(line for line in table.splitlines() if line.startswith(f"| {command} |"))
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert all(float(cell) > 0 for cell in cells[1:4]), row  # ran well: no "(exit 1)"
        assert cells[-1] in ("linear", "NOT linear"), row
    assert "| one session file with 8 participants" in table


def _bench_module() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench", REPO / "bench" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def test_the_growth_column_says_what_one_or_two_sizes_cannot_tell() -> None:
    # `--entries 1000` or `--entries 1000,5000` once crashed the benchmark (IndexError).
    bench = _bench_module()
    measure = bench.Measure  # type: ignore[attr-defined]
    growth = bench._growth  # type: ignore[attr-defined]
    rows = [measure("x", times=[ms / 1000]) for ms in (100.0, 180.0, 260.0)]
    cases = [([1000], rows[:1], "n/a | n/a"),
             ([1000, 2000], rows[:2], "80 | n/a"),
             ([1000, 2000, 3000], rows, "80 | linear"),
             ([1000, 2000, 3000], [rows[0], rows[1], measure("x", times=[0.9])],
              "400 | NOT linear")]
    for entries, measured, expected in cases:
        assert growth(entries, measured) == expected, (entries, expected)
