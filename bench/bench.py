"""How fast evaltool is, at one session and at tens of thousands: a benchmark, not a test.

    python bench/bench.py            # the full run: 1,000 and 10,000 files (about 12 minutes)
    python bench/bench.py --quick    # a smoke run: 50 and 300 files, three repeats

Run it with the Python of the environment evaltool is installed in (it calls the
`evaltool` script next to that Python). It generates realistic session files once
(deterministic seed; 5-15 participants with NSOB positions and roles, findings,
follow-ups, Dutch text with diacritics; written by `evaltool.session.store.dump_session`, so
they are canonical and valid), then times whole processes, each run paired with
`python -c pass` in the same loop so that the ratios hold on any machine. It prints a
table of medians, ratios to that floor, marginal milliseconds per file, and peak
memory (the child's maximum resident set size from wait4). It never fails: a command
that is missing or exits non-zero is shown as such in the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = 2  # 2: session files of schema version 2
SEED = 20210128

# --- generating sessions -------------------------------------------------------------------

FIRST_NAMES = ["Anouk", "Bram", "Chaïma", "Daan", "Eline", "Fenna", "Gijs", "Hanna", "Ilse",
               "Joël", "Karin", "Lotte", "Maarten", "Noëlle", "Olaf", "Priya", "Renée",
               "Sven", "Thijs", "Zoë"]
SURNAMES = ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer",
            "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "Dekker",
            "van Dijk", "Brouwer", "Öztürk", "El Amrani", "Çelik"]
FUNCTIONS = ["Projectleider", "Programmeur", "Beleidsadviseur", "Subsidieadviseur",
             "Accountmanager", "Wijkregisseur", "Gebiedsmakelaar", "Jurist",
             "Financieel adviseur", "Teamleider", "Strategisch adviseur", "Procesbegeleider",
             "Communicatieadviseur", "Ontwikkelmanager", "Partner in Publiek Ondernemen"]
DEPARTMENTS = ["Onderwijshuisvesting", "Duurzaamheid", "Ruimtelijke Ontwikkeling",
               "Sociaal Domein", "Economie", "Wijkzaken", "Vastgoed", "Mobiliteit",
               "Cultuur", "Financiën"]
ORGANISATIONS = ["Gemeente Delft", "Schoolbestuur", "Woningcorporatie", "Bewonersinitiatief",
                 "Stichting Wijkcafé", "Hogeschool", "Energiecoöperatie"]
PROJECTS = ["renovatie van basisschool", "buurthuis", "energiecoöperatie", "speeltuin",
            "groene schoolpleinen", "voedselbos", "wijkcafé", "fietsenstalling",
            "zonnedaken", "jongerencentrum", "ontmoetingsplek", "moestuin", "kunstroute"]
PLACES = ["Tanthof", "Voorhof", "Buitenhof", "Vrijenban", "Hof van Delft", "Wippolder",
          "Harnaschpolder", "Den Hoorn", "Binnenstad", "Poptahof"]
WORDS = ["vertrouwen", "lef", "doorzettingsvermogen", "eigenaarschap", "samenwerking",
         "integraal werken", "financiële ruimte", "coöperatieve insteek", "ideeën",
         "mandaat", "draagvlak", "reünie van betrokkenen", "privé-omstandigheden",
         "één aanspreekpunt", "ontschotten van budgetten", "procesbegeleiding", "café-overleg",
         "intrinsieke motivatie", "talenten", "competenties", "financiering",
         "bewonersparticipatie", "continuïteit", "kennisoverdracht", "naïeve verwachtingen"]
TEMPLATES = [
    "Het {w1} van de betrokkenen maakte het verschil; zonder {w2} was het niet gelukt.",
    "Belangrijk aandachtspunt blijft {w1}: de financiële stromen zijn strak omlijnd.",
    "We zagen dat {w1} en {w2} elkaar versterken, ook buiten de bestaande structuren.",
    "Om 'buiten' goed te kunnen faciliteren, heb je 'binnen' nodig: {w1} vraagt {w2}.",
    "De initiatiefnemers brachten {w1} mee; de gemeente zorgde voor {w2} en één loket.",
    "Niet iedereen zag het belang van {w1}; over {w2} is nog geen overeenstemming.",
    "Coöperatie tussen teams kwam pas laat op gang; {w1} hielp om {w2} te organiseren.",
]
QUESTIONS = [
    "Hoe borgen we {w1} als de projectleider vertrekt?",
    "Is deze aanpak haalbaar voor andere projecten in {place}?",
    "Wat is er nodig om {w1} niet alleen vanuit de bestaande rolverdeling in te vullen?",
    "Hoe houden we {w1} en {w2} vast in vervolgtrajecten?",
]


def _sentence(rng: random.Random, pattern: str, place: str = "") -> str:
    first, second = rng.sample(WORDS, 2)
    return pattern.format(w1=first, w2=second, place=place)


def session_id(index: int) -> str:
    """The id (and file stem) of session `index`: one a day, so each follows the one before."""
    day = dt.date(2000, 1, 1) + dt.timedelta(days=index)
    return f"{day.isoformat()}-casus-{index:05d}"


def session_data(index: int, rng: random.Random, vocabulary: object) -> dict[str, object]:
    """One realistic session as plain data, using only words from the vocabulary."""
    entries = vocabulary.entries  # type: ignore[attr-defined]
    quadrants = list(entries("quadrants"))
    roles = [key for key in entries("roles") if key != "other"]
    orientations = list(entries("orientations"))
    kinds = list(entries("finding_kinds"))
    affiliations = list(entries("affiliations"))
    judgements = list(entries("judgements"))
    statuses = list(entries("follow_up_statuses"))
    place = rng.choice(PLACES)
    project = rng.choice(PROJECTS)
    identifier = session_id(index)
    date = identifier[:10]
    year = int(date[:4])

    participants: dict[str, object] = {}
    count = rng.randint(5, 15)
    for number in range(count):
        first = rng.choice(quadrants)
        position_quadrants = [first]
        if rng.random() < 0.35:
            neighbours = [q for q in quadrants if q != first and vocabulary.adjacent(first, q)]  # type: ignore[attr-defined]
            position_quadrants.append(rng.choice(neighbours))
        person: dict[str, object] = {
            "function": rng.choice(FUNCTIONS),
            "department": rng.choice(DEPARTMENTS),
            "organisation": rng.choice(ORGANISATIONS),
            "affiliation": rng.choice(affiliations),
            "position": {"quadrants": position_quadrants,
                         "note": _sentence(rng, rng.choice(TEMPLATES))},
            "roles": [
                {"role": rng.choice(roles), "orientation": rng.choice(orientations),
                 "usual": rng.random() < 0.5, "played": True,
                 **({"note": _sentence(rng, rng.choice(TEMPLATES))} if rng.random() < 0.4 else {})}
                for _ in range(rng.randint(1, 5))
            ],
        }
        if rng.random() < 0.6:
            person["name"] = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        if number == 0:
            person["session_role"] = "facilitator"
        elif number == 1:
            person["session_role"] = "listener_reporter"
        elif rng.random() < 0.1:
            person["attendance"] = "absent"
        participants[f"p{number + 1}"] = person

    findings: dict[str, object] = {}
    for number in range(rng.randint(8, 25)):
        finding: dict[str, object] = {
            "kind": rng.choice(kinds),
            "text": _sentence(rng, rng.choice(TEMPLATES)),
            "tags": sorted({rng.choice(WORDS).split()[0].lower().strip("'")
                            for _ in range(rng.randint(1, 3))}),
        }
        if rng.random() < 0.2:
            finding["by"] = f"p{rng.randint(1, count)}"
        if rng.random() < 0.08:
            finding["confidential"] = True
        findings[f"f{number + 1}"] = finding

    follow_ups: dict[str, object] = {}
    for number in range(rng.randint(2, 6)):
        follow_up: dict[str, object] = {
            "question": _sentence(rng, rng.choice(QUESTIONS), place),
            "status": rng.choice(statuses),
        }
        if rng.random() < 0.5:
            follow_up["owner"] = rng.choice(FUNCTIONS)
        if index and rng.random() < 0.3:
            follow_up["continues"] = f"{session_id(index - 1)}#fu-1"  # every session has fu-1
        follow_ups[f"fu-{number + 1}"] = follow_up

    return {
        "schema_version": 2,
        "id": identifier,
        "vocabulary": "delft",
        "status": "final" if rng.random() < 0.9 else "draft",
        "casus": {
            "title": f"Casus {project} {place}",
            "date": date,
            "organisation": "Gemeente Delft",
            "learning_route": "Excellent Faciliteren",
            "session_number": 1 + index % 12,
            "description": "\n".join(_sentence(rng, rng.choice(TEMPLATES)) for _ in range(3)),
            "plan": f"De droom: een {project} in {place} die bijdraagt aan de wijk.",
            "realised": f"Het {project} is in {year} gerealiseerd, met hulp van vele ideeën.",
            "judgement": rng.choice(judgements),
            "sdgs": [{"goal": goal, "note": _sentence(rng, rng.choice(TEMPLATES))}
                     for goal in sorted(rng.sample(range(1, 18), rng.randint(1, 4)))],
        },
        "participants": participants,
        "findings": findings,
        "follow_ups": follow_ups,
        "reflection": _sentence(rng, rng.choice(TEMPLATES)),
        "next_session": _sentence(rng, rng.choice(TEMPLATES)),
    }


def generate(folder: Path, count: int, seed: int = SEED) -> list[Path]:
    """`count` valid, canonical session files in `folder`; reused when already there."""
    from evaltool.session import store
    from evaltool.session.models import validate_session
    from evaltool.session.vocabulary import load_vocabulary

    marker = folder / f".generated-v{GENERATOR_VERSION}-seed{seed}-n{count}"
    paths = [folder / f"{session_id(index)}.yaml" for index in range(count)]
    if marker.exists() and all(path.exists() for path in paths):
        return paths
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    vocabulary = load_vocabulary()
    rng = random.Random(seed)
    for index, path in enumerate(paths):
        session = validate_session(session_data(index, rng, vocabulary), vocabulary)
        path.write_text(store.dump_session(session), encoding="utf-8")
        if count >= 1000 and (index + 1) % 1000 == 0:
            print(f"  generated {index + 1:,} / {count:,}", file=sys.stderr)
    marker.touch()
    return paths


# --- one large session ------------------------------------------------------------------------

LARGE_VERSION = 2


def large_session(entries: int, participants: int = 12, seed: int = SEED) -> str:
    """One valid, complete draft session with `entries` findings and `participants` people,
    as a facilitator's file would be: canonical, with a comment above every 100th finding,
    a blank line between the sections and a comment at the end of the status line."""
    from evaltool.session import store
    from evaltool.session.models import validate_session
    from evaltool.session.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    rng = random.Random(seed + entries + participants)
    data = session_data(0, rng, vocabulary)
    data["status"] = "draft"
    people: dict[str, object] = {}
    for number in range(participants):
        person = next(iter(session_data(number, rng, vocabulary)["participants"].values()))  # type: ignore[union-attr]
        person["position"].pop("note", None)  # a lighter person: 3,000 fit in 2 MiB
        people[f"p{number + 1}"] = person
    people["p2"]["session_role"] = "listener_reporter"  # type: ignore[index]
    people["p2"].pop("attendance", None)  # type: ignore[union-attr]
    data["participants"] = people
    kinds = ["success_factor", "attention_point", "yield", "learning_point", "wish",
             "discussion_topic"]
    data["findings"] = {
        f"f{number + 1}": {"kind": kinds[number % len(kinds)],
                           "text": _sentence(rng, rng.choice(TEMPLATES)),
                           "tags": sorted({rng.choice(WORDS).split()[0].lower().strip("'")
                                           for _ in range(2)})}
        for number in range(entries)}
    text = store.dump_session(validate_session(data, vocabulary))
    text = text.replace("\nstatus: draft\n", "\nstatus: draft  # nog niet besproken\n", 1)
    for section in ("participants:", "findings:", "follow_ups:"):
        text = text.replace(f"\n{section}\n", f"\n\n{section}\n", 1)
    for number in range(0, entries, 100):
        text = text.replace(f"\n  f{number + 1}:\n",
                            f"\n  # besproken in ronde {number // 100 + 1}\n  f{number + 1}:\n", 1)
    return text


def generate_large(folder: Path, entries: int, participants: int = 12) -> dict[str, Path]:
    """The files the commands on one large session work on; made once, kept."""
    marker = folder / f".generated-v{LARGE_VERSION}"
    names = ("session.yaml", "loose.yaml", "base.yaml", "ours.yaml", "theirs.yaml",
             "ours-conflict.yaml", "theirs-conflict.yaml", "answers.yaml")
    files = {name.split(".")[0]: folder / name for name in names}
    if marker.exists() and all(path.exists() for path in files.values()):
        return files
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    text = large_session(entries, participants)
    session_id = text.split("\nid: ", 1)[1].split("\n", 1)[0]
    files["session"] = files["session"].with_name(f"{session_id}.yaml")
    files["session"].write_text(text, encoding="utf-8")
    # Not canonical (keys out of order), so that fmt rewrites it.
    head, rest = text.split("\nid: ", 1)
    identifier, rest = rest.split("\n", 1)
    files["loose"].write_text(head + "\n" + rest.replace(
        "vocabulary: delft\n", f"vocabulary: delft\nid: {identifier}\n", 1), encoding="utf-8")
    end = text.index("\n\nfollow_ups:")
    files["base"].write_text(text, encoding="utf-8")
    for side, word in (("ours", "Onze"), ("theirs", "Hun")):
        # A clean merge: both add a finding at the end (git's line merge conflicts there) ...
        files[side].write_text(text[:end] + f"\n  nieuw-{side}:\n    kind: wish\n"
                               f"    text: {word} toevoeging." + text[end:], encoding="utf-8")
        # ... and a true conflict: both change the reflection.
        start = text.index("\nreflection: ") + 1
        files[f"{side}-conflict"].write_text(
            text[:start] + f"reflection: {word} reflectie." + text[text.index("\n", start):],
            encoding="utf-8")
    files["answers"].write_text("plan: Een nieuw plan, na de sessie.\n", encoding="utf-8")
    marker.touch()
    return files


# --- measuring -------------------------------------------------------------------------------


@dataclass
class Measure:
    """Medians of one command and of the floor, measured in the same loop."""

    label: str
    times: list[float] = field(default_factory=list)
    floors: list[float] = field(default_factory=list)
    peak_kib: int = 0
    floor_peak_kib: int = 0
    failed: str = ""
    files: int = 0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000 if self.times else float("nan")

    @property
    def floor_ms(self) -> float:
        return statistics.median(self.floors) * 1000 if self.floors else float("nan")


# Each command is started by a small launcher process, never by this one: a child's peak
# memory (ru_maxrss) counts the memory of the process it was forked from, and this one
# has imported evaltool to generate the sessions.
LAUNCHER = """
import os, sys, time
actions = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
print(elapsed, peak, os.waitstatus_to_exitcode(status))
"""


# What any command of this stack pays before it does its own work: a one-command Typer
# app that validates a one-field pydantic model and loads libyaml, then prints a line
# (with rich, as a summary does, and without). Not evaltool: the reference its
# one-session figures are to be read against.
STACK = """
from typing import Annotated

import typer

app = typer.Typer()

@app.command()
def main(path: str, printer: Annotated[str, typer.Argument()] = "plain") -> None:
    from pydantic import BaseModel
    import yaml._yaml

    class Session(BaseModel):
        id: str

    Session.model_validate({"id": path})
    if printer == "rich":
        from rich.console import Console
        from rich.table import Table

        Console().print(Table(path))
    else:
        print(path)

app()
"""


def run_once(command: Sequence[str], env: dict[str, str], cwd: Path) -> tuple[float, int, int]:
    """Wall time, peak memory (KiB) and exit code of one whole process."""
    done = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *command], env=env, cwd=cwd,
                          capture_output=True, text=True, check=True)
    elapsed, peak, code = done.stdout.split()
    return float(elapsed), int(peak), int(code)


def measure(label: str, command: Sequence[str], *, repeat: int, env: dict[str, str],
            cwd: Path, before: Sequence[str] | None = None, ok_codes: tuple[int, ...] = (0,),
            files: int = 0) -> Measure:
    """Run `command` `repeat` times, each right after `python -c pass` (and `before`)."""
    result = Measure(label, files=files)
    floor = [sys.executable, "-c", "pass"]
    run_once(command, env, cwd)  # warm the page cache and the bytecode cache
    for _ in range(repeat):
        if before:
            subprocess.run(before, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                           cwd=cwd, check=False)
        floor_time, floor_peak, _ = run_once(floor, env, cwd)
        result.floors.append(floor_time)
        result.floor_peak_kib = max(result.floor_peak_kib, floor_peak)
        elapsed, peak, code = run_once(command, env, cwd)
        if code not in ok_codes:
            result.failed = f"exit {code}"
        result.times.append(elapsed)
        result.peak_kib = max(result.peak_kib, peak)
    return result


def measure_edit(path: Path, repeat: int) -> tuple[float, float]:
    """In-process: open for editing, change one finding, save. (first ms, median ms)."""
    from evaltool.session import store

    times = []
    for round_number in range(repeat + 1):
        start = time.perf_counter()
        editable = store.open_for_edit(path)
        session = editable.session
        first = next(iter(session.findings.values()))
        first.text = f"{first.text.split(' (bewerkt')[0]} (bewerkt {round_number})"
        store.save_session(session, path, original=editable)
        times.append(time.perf_counter() - start)
    return times[0] * 1000, statistics.median(times[1:]) * 1000


def supports(evaltool: str, command: str, option: str, env: dict[str, str]) -> bool:
    """Whether this evaltool has `command` (and `option`, when given)."""
    done = subprocess.run([evaltool, command, "--help"], capture_output=True, text=True,
                          env=env, check=False)
    return done.returncode == 0 and (not option or option in done.stdout)


# --- the report ------------------------------------------------------------------------------


def table(rows: list[Measure], marginal: dict[str, tuple[float, bool]],
          edits: dict[str, tuple[float, float]]) -> str:
    floor = statistics.median([f for row in rows for f in row.floors]) * 1000
    floor_peak = max(row.floor_peak_kib for row in rows) / 1024
    lines = [
        "| what | median ms | × floor | ms per file | peak MiB |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        if not row.times:
            lines.append(f"| {row.label} | {row.failed or 'n/a'} | | | |")
            continue
        ratio = row.median_ms / row.floor_ms
        per_file = f"{row.median_ms / row.files:.2f}" if row.files else ""
        note = f" ({row.failed})" if row.failed else ""
        lines.append(f"| {row.label}{note} | {row.median_ms:.0f} | {ratio:.1f} | {per_file} | "
                     f"{row.peak_kib / 1024:.1f} |")
    for label, (value, linear) in marginal.items():
        flag = "linear" if linear else "NOT linear"
        lines.append(f"| {label}, marginal ({flag}) | | | {value:.2f} | |")
    for label, (first, median) in edits.items():
        lines.append(f"| edit in-process (open_for_edit → change → save_session), {label}: "
                     f"median (first) | {median:.1f} ({first:.0f}) | | | |")
    lines.append(f"\nfloor (`python -c pass`, median of all pairs): {floor:.1f} ms, "
                 f"{floor_peak:.1f} MiB; "
                 f"{platform.python_implementation()} {platform.python_version()}, "
                 f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()}")
    return "\n".join(lines)


def large_file_table(evaltool: str, env: dict[str, str], workdir: Path, entries: list[int],
                     participants: int, repeat: int) -> str:
    """Every command on one session file of each size in `entries` (findings), and on one
    with `participants` people: medians in ms, the cost of 1,000 entries more, and whether
    the time grows in a straight line (the cost from the first to the second size and from
    the second to the third within 25 % of each other)."""
    def copy(source: Path, target: Path) -> list[str]:
        return [sys.executable, "-c",
                f"import shutil; shutil.copyfile({str(source)!r}, {str(target)!r})"]

    def commands(files: dict[str, Path]) -> list[tuple[str, list[str], list[str] | None,
                                                       tuple[int, ...]]]:
        """(label, command, what to run before each run, good exit codes)"""
        session, work = files["session"], files["session"].with_name("work.yaml")
        ours, conflict = files["ours"].with_name("merged.yaml"), files["ours"].with_name(
            "merged-conflict.yaml")
        return [
            ("`evaltool validate`", [evaltool, "validate", str(session)], None, (0,)),
            ("`evaltool summarize -f json`",
             [evaltool, "summarize", "-f", "json", str(session)], None, (0,)),
            ("`evaltool summarize --public -f markdown`",
             [evaltool, "summarize", "--public", "-f", "markdown", str(session)], None, (0,)),
            ("`evaltool fmt --check`", [evaltool, "fmt", "--check", str(session)], None, (0,)),
            ("`evaltool fmt` (rewrites the file)", [evaltool, "fmt", str(work)],
             copy(files["loose"], work), (0,)),
            ("`evaltool finalize`", [evaltool, "finalize", str(work)],
             copy(session, work), (0,)),
            ("`evaltool edit --step plan --answers`",
             [evaltool, "edit", str(work), "--step", "plan", "--answers",
              str(files["answers"])], copy(session, work), (0,)),
            ("git merge driver, both add a finding",
             [evaltool, "git-merge-driver", str(files["base"]), str(ours),
              str(files["theirs"])], copy(files["ours"], ours), (0,)),
            ("git merge driver, one conflict",
             [evaltool, "git-merge-driver", str(files["base"]), str(conflict),
              str(files["theirs-conflict"])], copy(files["ours-conflict"], conflict), (1,)),
        ]

    results: dict[str, list[Measure]] = {}
    sizes: list[str] = []
    for count in entries:
        print(f"one session of {count:,} findings", file=sys.stderr)
        files = generate_large(workdir / f"one-session-{count}", count)
        sizes.append(f"{files['session'].stat().st_size / 2**20:.2f} MiB")
        for label, command, before, ok in commands(files):
            print(f"measuring: {label}, {count:,} findings", file=sys.stderr)
            results.setdefault(label, []).append(measure(
                label, command, repeat=repeat, env=env, cwd=workdir, before=before,
                ok_codes=ok))
    names = " | ".join(f"{count:,} findings" for count in entries)
    lines = [f"| one session file | {names} | ms per 1,000 findings more | growth |",
             "| --- |" + " ---: |" * (len(entries) + 1) + " --- |"]
    for label, measured in results.items():
        cells = " | ".join(f"{row.median_ms:.0f}" + (f" ({row.failed})" if row.failed else "")
                           for row in measured)
        lines.append(f"| {label} | {cells} | {_growth(entries, measured)} |")
    lines.append(f"\nfile sizes: {', '.join(sizes)} (the limit is 2 MiB)")
    files = generate_large(workdir / f"many-people-{participants}", 10, participants)
    many = [(label, command, before, ok) for label, command, before, ok in commands(files)
            if "merge" not in label]
    lines += ["", f"| one session file with {participants:,} participants "
                  f"({files['session'].stat().st_size / 2**20:.2f} MiB) | median ms |",
              "| --- | ---: |"]
    for label, command, before, ok in many:
        print(f"measuring: {label}, {participants:,} participants", file=sys.stderr)
        row = measure(label, command, repeat=repeat, env=env, cwd=workdir, before=before,
                      ok_codes=ok)
        lines.append(f"| {label}{f' ({row.failed})' if row.failed else ''} | "
                     f"{row.median_ms:.0f} |")
    return "\n".join(lines)


def _growth(entries: list[int], measured: list[Measure]) -> str:
    """The cost of 1,000 entries more and whether it grows in a straight line: "n/a" for
    what one size cannot tell (a slope needs two sizes, its straightness three)."""
    if len(entries) < 2:
        return "n/a | n/a"
    slope = (measured[-1].median_ms - measured[0].median_ms) / (entries[-1] - entries[0])
    if len(entries) < 3:
        return f"{slope * 1000:.0f} | n/a"
    first = (measured[1].median_ms - measured[0].median_ms) / (entries[1] - entries[0])
    second = (measured[-1].median_ms - measured[1].median_ms) / (entries[-1] - entries[1])
    linear = abs(first - second) <= 0.25 * max(abs(first), abs(second), 0.02)
    return f"{slope * 1000:.0f} | {'linear' if linear else 'NOT linear'}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 50 and 300 files, three repeats")
    parser.add_argument("--small", type=int, help="the smaller collection (default 1000)")
    parser.add_argument("--large", type=int, help="the larger collection (default 10000)")
    parser.add_argument("--repeat", type=int, help="runs per measurement (default 11; "
                        "3 for the large collection)")
    parser.add_argument("--entries", type=lambda text: [int(n) for n in text.split(",")],
                        help="findings in the one large session, three sizes (default "
                        "1000,5000,10000; 100,500,1000 with --quick)")
    parser.add_argument("--participants", type=int,
                        help="participants in the session with many people (default 3000)")
    parser.add_argument("--large-files-only", action="store_true",
                        help="only the commands on one large session file")
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "evaltool-bench",
                        help="where the generated sessions are kept between runs")
    args = parser.parse_args(argv)
    small = args.small or (50 if args.quick else 1000)
    large = args.large or (300 if args.quick else 10000)
    repeat = args.repeat or (3 if args.quick else 11)
    repeat_large = args.repeat or 3
    entries = args.entries or ([100, 500, 1000] if args.quick else [1000, 5000, 10000])
    participants = args.participants or (300 if args.quick else 3000)

    evaltool = str(Path(sys.executable).parent / "evaltool")
    if not Path(evaltool).exists():
        found = shutil.which("evaltool")
        evaltool = found or evaltool
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "EVALTOOL_LANG": "en",
           "XDG_CACHE_HOME": str(workdir / "cache-home")}
    env.pop("EVALTOOL_SESSIONS", None)
    # Measured as installed: an installed evaltool has its bytecode compiled (pip does that),
    # so a development shell's PYTHONDONTWRITEBYTECODE must not make every run compile again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    large_files = large_file_table(evaltool, env, workdir, entries, participants, repeat_large)
    if args.large_files_only:
        print(large_files)
        return
    print(f"generating {large:,} sessions in {workdir} (kept for the next run)", file=sys.stderr)
    every = generate(workdir / f"sessions-{large}", large)
    small_dir = workdir / f"sessions-{small}-of-{large}"
    if not (small_dir / every[small - 1].name).exists():
        shutil.rmtree(small_dir, ignore_errors=True)
        small_dir.mkdir(parents=True)
        for path in every[:small]:
            shutil.copy2(path, small_dir / path.name)
    large_dir = workdir / f"sessions-{large}"
    one = every[0]

    cache_home = workdir / "cache-home"
    wipe = [sys.executable, "-c",
            f"import shutil; shutil.rmtree({str(cache_home)!r}, ignore_errors=True)"]

    has_summarize = supports(evaltool, "summarize", "", env)
    has_cache = has_summarize and supports(evaltool, "summarize", "--no-cache", env)

    rows: list[Measure] = []

    def add(label: str, command: list[str], *, files: int = 0, times: int = repeat,
            before: list[str] | None = None, ok: tuple[int, ...] = (0,)) -> Measure:
        print(f"measuring: {label}", file=sys.stderr)
        row = measure(label, command, repeat=times, env=env, cwd=workdir, before=before,
                      ok_codes=ok, files=files)
        rows.append(row)
        return row

    add("`evaltool --help`", [evaltool, "--help"])
    for extra, what in (([], ""), (["rich"], ", printing with rich")):
        add(f"reference, not evaltool: Typer + pydantic + libyaml{what}",
            [sys.executable, "-c", STACK, "session", *extra])
    summarize_one = Measure("`evaltool summarize` one session", failed="no summarize yet")
    if has_summarize:
        summarize_one = add("`evaltool summarize` one session", [evaltool, "summarize", str(one)])
    else:
        rows.append(summarize_one)
    validate_one = add("`evaltool validate` one session", [evaltool, "validate", str(one)])
    validate_small = add(f"`evaltool validate` {small:,} files", [evaltool, "validate",
                                                                   str(small_dir)], files=small)
    validate_large = add(f"`evaltool validate` {large:,} files", [evaltool, "validate",
                                                                   str(large_dir)], files=large,
                         times=repeat_large)
    marginal: dict[str, tuple[float, bool]] = {}
    marginal["validate"] = _marginal(validate_one, validate_small, validate_large, small, large)
    if has_summarize:
        # The overview of many files as JSON: what is measured is reading and combining,
        # not laying out a table of thousands of sessions in the terminal.
        for label, folder, count, times in (("small", small_dir, small, repeat),
                                            ("large", large_dir, large, repeat_large)):
            cold = add(f"`evaltool summarize -f json` {count:,} files, cold (empty cache)",
                       [evaltool, "summarize", "-f", "json", str(folder)], files=count,
                       times=times, before=wipe)
            if has_cache:
                add(f"`evaltool summarize -f json` {count:,} files, warm (cache present)",
                    [evaltool, "summarize", "-f", "json", str(folder)], files=count,
                    times=times)
                add(f"`evaltool summarize -f json --no-cache` {count:,} files",
                    [evaltool, "summarize", "-f", "json", "--no-cache", str(folder)],
                    files=count, times=times)
            if label == "small":
                summarize_small = cold
            else:
                marginal["summarize cold"] = _marginal(summarize_one, summarize_small, cold,
                                                       small, large)
    else:
        rows.append(Measure("`evaltool summarize` over many files", failed="no summarize yet"))

    edits = {}
    example = _example_session()
    sources = {"the example session (240 lines)": example} if example else {}
    lines = len(one.read_text(encoding="utf-8").splitlines())
    sources[f"a generated session ({lines} lines)"] = one
    if example:
        commented = workdir / "edit" / "commented.yaml"
        commented.parent.mkdir(parents=True, exist_ok=True)
        commented.write_text(example.read_text(encoding="utf-8").replace(
            "\nfindings:", "\n\n# wat we vonden\nfindings:"), encoding="utf-8")
        sources["the example session with a comment"] = commented
    for label, source in sources.items():
        copy = workdir / "edit" / f"copy-{source.name}"
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
        edits[label] = measure_edit(copy, repeat)
    print(file=sys.stderr)
    print(table(rows, marginal, edits))
    print()
    print(large_files)


def _example_session() -> Path | None:
    """The repository's example session, when the benchmark runs from a checkout."""
    path = Path(__file__).resolve().parents[1] / "sessions" / (
        "2021-01-28-casus-cornelis-musius.yaml")
    return path if path.exists() else None


def _marginal(one_row: Measure, small_row: Measure, large_row: Measure, small: int,
              large: int) -> tuple[float, bool]:
    """(ms per extra file from small to large, whether that matches the cost per file from
    one to small within 25 %: a straight line, no slowdown as the collection grows)."""
    per_file = (large_row.median_ms - small_row.median_ms) / (large - small)
    first_rate = (small_row.median_ms - one_row.median_ms) / (small - 1)
    linear = abs(per_file - first_rate) <= 0.25 * max(per_file, first_rate)
    return per_file, linear


if __name__ == "__main__":
    main()
