"""The summary contract (`evaltool.report.contract`) says exactly what the data holds.

mypy checks that the code keeps to the contract; these tests check that the contract is the
truth: every summary, overview and digest evaltool makes, published or not, long route or
short, has every key the contract names and no other, each of the type it says; and the
cache gives a digest and an overview back exactly as they were made.
"""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any, Literal, NotRequired, Union, get_args, get_origin, is_typeddict

import pytest

from conftest import Invoke
from evaltool.report import contract
from evaltool.report.cache import DigestCache
from evaltool.report.summary import MAX_LISTED, digest, route_summary, summarize_session
from evaltool.session.store import load_session
from evaltool.session.vocabulary import load_vocabulary

ROUTE = Path(__file__).resolve().parent / "fixtures" / "route"
GOLDEN = Path(__file__).resolve().parent / "golden"


def mismatches(value: Any, expected: Any, where: str = "$") -> list[str]:
    """Where `value` (JSON data) is not of the type `expected` (a contract type)."""
    origin = get_origin(expected)
    if origin in (Union, types.UnionType):
        found = [mismatches(value, option, where) for option in get_args(expected)]
        return [] if any(not problems for problems in found) else min(found, key=len)
    if origin is Literal:
        return [] if value in get_args(expected) else [f"{where}: {value!r} not in {expected}"]
    if is_typeddict(expected):
        return _typeddict(value, expected, where)
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: not a list"]
        return [p for n, item in enumerate(value)
                for p in mismatches(item, get_args(expected)[0], f"{where}[{n}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: not an object"]
        return [p for key, item in value.items()
                for p in mismatches(item, get_args(expected)[1], f"{where}.{key}")]
    if expected is type(None):
        return [] if value is None else [f"{where}: {value!r} is not null"]
    if expected is int and isinstance(value, bool):
        return [f"{where}: {value!r} is not a number"]
    return [] if isinstance(value, expected) else [f"{where}: {value!r} is not {expected}"]


def _typeddict(value: Any, expected: Any, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where}: not an object ({expected.__name__})"]
    hints = typing.get_type_hints(expected, include_extras=True)
    problems = [f"{where}.{key}: not in {expected.__name__}" for key in value if key not in hints]
    for key, hint in hints.items():
        optional = get_origin(hint) is NotRequired
        hint = get_args(hint)[0] if optional else hint
        if key not in value:
            if not optional:
                problems.append(f"{where}.{key}: missing ({expected.__name__})")
            continue
        problems += mismatches(value[key], hint, f"{where}.{key}")
    return problems


@pytest.fixture(scope="module")
def vocabulary():  # type: ignore[no-untyped-def]
    return load_vocabulary()


@pytest.fixture(scope="module")
def digests() -> list[contract.Digest]:
    return [digest(load_session(path)) for path in sorted(ROUTE.glob("*.yaml"))]


def test_the_checker_finds_what_does_not_keep_to_the_contract() -> None:
    good: contract.Labelled = {"key": "a", "label": "A"}
    assert mismatches(good, contract.Labelled) == []
    assert mismatches({"key": "a"}, contract.Labelled) == ["$.label: missing (Labelled)"]
    assert mismatches({**good, "x": 1}, contract.Labelled) == ["$.x: not in Labelled"]
    assert mismatches({"key": 1, "label": "A"}, contract.Labelled) == [
        "$.key: 1 is not <class 'str'>"]
    assert mismatches({"sessions": ["a"], "count": True}, contract.Seen) == [
        "$.count: True is not a number"]


@pytest.mark.parametrize("name", ["session.en.json", "session.nl.json", "route.en.json",
                                  "route.nl.json"])
def test_every_json_report_keeps_to_the_contract(name: str) -> None:
    data = json.loads((GOLDEN / name).read_text(encoding="utf-8"))
    shape = contract.SessionSummary if data["kind"] == "session" else contract.RouteSummary
    assert mismatches(data, shape) == []


def test_a_digest_keeps_to_the_contract(digests: list[contract.Digest]) -> None:
    for item in digests:
        assert mismatches(item, contract.Digest) == []


def test_a_published_summary_and_overview_keep_to_the_contract(cli: Invoke,
                                                               example: Path) -> None:
    for target in (example, ROUTE):
        result = cli("summarize", "--public", "-f", "json", target)
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["anonymisation"]["redactions"]
        shape = contract.SessionSummary if data["kind"] == "session" else contract.RouteSummary
        assert mismatches(data, shape) == []


def test_summaries_with_names_and_earlier_sessions_keep_to_the_contract(
        vocabulary: Any, digests: list[contract.Digest]) -> None:
    paths = sorted(ROUTE.glob("*.yaml"))
    earlier = {d["id"]: d for d in digests}
    for path in paths:
        summary = summarize_session(load_session(path), vocabulary, language="nl", names=True,
                                    earlier=earlier)
        assert mismatches(summary, contract.SessionSummary) == []


def test_a_long_route_keeps_to_the_contract(vocabulary: Any,
                                            digests: list[contract.Digest]) -> None:
    many = []
    for number in range(MAX_LISTED + 20):
        item = json.loads(json.dumps(digests[number % len(digests)]))
        item["id"] = f"s{number:03d}"
        item["date"] = f"{2000 + number // 12}-{1 + number % 12:02d}-01"
        many.append(item)
    summary = route_summary(many, vocabulary, language="en")
    assert "omitted" in summary
    assert mismatches(summary, contract.RouteSummary) == []


def test_the_cache_gives_a_digest_and_an_overview_back_as_they_were_made(
        tmp_path: Path, vocabulary: Any) -> None:
    paths = sorted(ROUTE.glob("*.yaml"))
    made: dict[Path, contract.Digest] = {}
    for _ in range(2):  # computed, then read from the cache
        with DigestCache(tmp_path / "cache") as cache:
            found = {path: cache.digest_for(path) for path in paths}

            summary, _ = cache.overview([ROUTE], ["en", None], lambda digests=found: (
                route_summary(digests.values(), vocabulary, language="en"), 0))
        made = made or found
        assert found == made
        assert summary == route_summary(made.values(), vocabulary, language="en")
    assert cache.stats["hits"] == len(paths) + len(paths)  # each digest, then the overview


def test_redactions_are_counted_one_way_for_a_session_a_digest_and_a_route(
        cli: Invoke) -> None:
    """`redactions.count_redactions` counts for a published session and for its digest alike
    (what is left out); a route's published overview says the sum of its digests'."""
    from evaltool.report.privacy import publish
    from evaltool.report.redactions import NO_REDACTIONS, add_redactions

    total = NO_REDACTIONS
    for path in sorted(ROUTE.glob("*.yaml")):
        session = load_session(path)
        _, published, _ = publish(session)
        kept = digest(session)["redactions"]
        for left_out in ("confidential_findings_left_out", "confidential_follow_ups_left_out",
                         "notes_left_out", "participant_names_withheld"):
            assert published[left_out] == kept[left_out], (path.name, left_out)
        assert published["participant_names_withheld"] == sum(
            1 for p in session.participants.values() if p.name)
        total = add_redactions(total, kept)
    assert total["participant_names_withheld"] > 0 and NO_REDACTIONS["names_replaced"] == 0
    result = cli("summarize", "--public", "-f", "json", ROUTE)
    assert json.loads(result.stdout)["anonymisation"]["redactions"] == total
