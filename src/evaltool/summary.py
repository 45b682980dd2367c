"""Pure computations from sessions to summary data: one session, its digest, a learning route.

Nothing here prints, reads files or imports pydantic: a `Session` is only read through
its attributes. The results are plain, JSON-serialisable dicts whose shape is
documented in the README (section "Reports") and versioned by `FORMAT_VERSION`;
renderers in `evaltool.render` lay them out.

Many sessions are combined in two steps so that no two session models are ever held
at once: `digest(session)` keeps the little an overview needs (counts, keys, texts
already scrubbed of names, no confidential items) as plain data that can be cached
per file, and `route_summary(digests)` combines any number of digests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

FORMAT_VERSION = 1
"""The version of the summary data's shape (`format_version` in JSON output)."""

DIGEST_VERSION = 1
"""The version of a digest's shape; a cache must drop digests of another version."""

CLOSED_STATUSES = ("done", "dropped")
# Findings whose recurrence the route overview reports: what worked and what was learnt.
RECURRING_KINDS = ("success_factor", "yield", "learning_point")
MAX_PHRASES = 10


def _label(vocabulary: Any, category: str, key: str | None, language: str) -> dict[str, str] | None:
    if key is None:
        return None
    return {"key": key, "label": vocabulary.label(category, key, language)}


def person_labels(participants: Mapping[str, Any], *, names: bool = False) -> dict[str, str]:
    """How each participant is shown: by function, with a letter when two share one.

    With `names`, a participant who has a name is shown as "Name (function)".
    """
    counts = Counter(p.function for p in participants.values())
    seen: Counter[str] = Counter()
    labels = {}
    for participant_id, participant in participants.items():
        label = participant.function
        if counts[participant.function] > 1:
            seen[participant.function] += 1
            label = f"{label} {_letter(seen[participant.function])}"
        if names and participant.name:
            label = f"{participant.name} ({label})"
        labels[participant_id] = label
    return labels


def _letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def orientation_of(roles: Iterable[Any]) -> str | None:
    """'city', 'internal' or 'both' from the roles played (the usual ones if none played)."""
    roles = list(roles)
    chosen = [r for r in roles if r.played] or roles
    kinds: set[str] = {r.orientation for r in chosen}
    if not kinds:
        return None
    if len(kinds) == 1:
        return next(iter(kinds))
    return "both"


# --- one session ---------------------------------------------------------------------------


def summarize_session(session: Any, vocabulary: Any, *, language: str,
                      names: bool = False) -> dict[str, Any]:
    """Everything a one-session report shows, labelled in `language`."""
    labels = person_labels(session.participants, names=names)
    participants = []
    for number, (participant_id, p) in enumerate(session.participants.items(), start=1):
        position = None
        if p.position is not None:
            position = {
                "quadrants": [_label(vocabulary, "quadrants", q, language)
                              for q in p.position.quadrants],
                "border": len(p.position.quadrants) == 2,
                "note": p.position.note,
            }
        orientation = orientation_of(p.roles)
        participants.append({
            "id": participant_id,
            "number": number,
            "label": labels[participant_id],
            "function": p.function,
            "name": p.name if names else None,
            "department": p.department,
            "organisation": p.organisation,
            "affiliation": _label(vocabulary, "affiliations", p.affiliation, language),
            "attendance": _label(vocabulary, "attendance", p.attendance, language),
            "session_role": _label(vocabulary, "session_roles", p.session_role, language),
            "position": position,
            "orientation": _orientation_label(vocabulary, orientation, language),
            "usual_roles": [_role(vocabulary, r, language) for r in p.roles if r.usual],
            "played_roles": [_role(vocabulary, r, language) for r in p.roles if r.played],
        })
    casus = session.casus
    return {
        "format_version": FORMAT_VERSION,
        "kind": "session",
        "language": language,
        "public": False,
        "anonymisation": None,
        "session": {
            "id": session.id,
            "status": session.status,
            "title": casus.title,
            "date": casus.date.isoformat(),
            "organisation": casus.organisation,
            "learning_route": casus.learning_route,
            "session_number": casus.session_number,
            "description": casus.description,
            "plan": casus.plan,
            "realised": casus.realised,
            "judgement": _label(vocabulary, "judgements", casus.judgement, language),
            "judgement_note": casus.judgement_note,
            "sdgs": [{"goal": sdg.goal, "label": vocabulary.sdg_label(sdg.goal, language),
                      "note": sdg.note} for sdg in casus.sdgs],
        },
        "participants": participants,
        "map": nsob_map(session.participants, vocabulary, language),
        "findings": _findings(session, vocabulary, labels, language),
        "follow_ups": [
            {
                "id": fu_id,
                "question": fu.question,
                "owner": labels.get(fu.owner, fu.owner) if fu.owner else None,
                "due": fu.due.isoformat() if fu.due else None,
                "status": _label(vocabulary, "follow_up_statuses", fu.status, language),
                "continues": fu.continues,
                "note": fu.note,
            }
            for fu_id, fu in session.follow_ups.items()
        ],
        "reflection": session.reflection,
        "next_session": session.next_session,
    }


def _orientation_label(vocabulary: Any, orientation: str | None,
                       language: str) -> dict[str, str] | None:
    if orientation is None:
        return None
    if orientation == "both":
        keys = list(vocabulary.entries("orientations"))
        return {"key": "both",
                "label": " + ".join(vocabulary.label("orientations", k, language) for k in keys)}
    return _label(vocabulary, "orientations", orientation, language)


def _role(vocabulary: Any, role: Any, language: str) -> dict[str, Any]:
    label = role.label if role.role == "other" and role.label else vocabulary.label(
        "roles", role.role, language)
    return {
        "role": role.role,
        "label": label,
        "orientation": _label(vocabulary, "orientations", role.orientation, language),
        "phase": role.phase,
        "note": role.note,
    }


def _findings(session: Any, vocabulary: Any, labels: Mapping[str, str],
              language: str) -> list[dict[str, Any]]:
    """The findings grouped by kind, in the vocabulary's order of kinds."""
    groups = []
    for kind in vocabulary.entries("finding_kinds"):
        items = [
            {"id": finding_id, "text": f.text, "by": labels.get(f.by) if f.by else None,
             "tags": list(f.tags)}
            for finding_id, f in session.findings.items() if f.kind == kind
        ]
        if items:
            groups.append({"kind": kind, "label": vocabulary.plural("finding_kinds", kind,
                                                                    language),
                           "items": items})
    return groups


def nsob_map(participants: Mapping[str, Any], vocabulary: Any,
             language: str) -> dict[str, Any]:
    """The NSOB figure: four quadrants in their corners, the border between neighbours.

    Columns follow the `steering` axis (inside-out left, outside-in right), rows the
    `focus` axis (result top, value bottom), as the vocabulary places each quadrant.
    A participant on the border of two quadrants sits on the line between them: `side`
    names that line ("top"/"bottom" for the vertical line in that row, "left"/"right"
    for the horizontal line in that column).
    """
    column = {"inside_out": 0, "outside_in": 1}
    row = {"result": 0, "value": 1}
    quadrants = []
    place: dict[str, dict[str, Any]] = {}
    for key, quadrant in vocabulary.quadrants.items():
        entry = {
            "key": key,
            "label": vocabulary.label("quadrants", key, language),
            "short": vocabulary.short_label("quadrants", key, language),
            "column": column[quadrant.steering],
            "row": row[quadrant.focus],
            "participants": [],
        }
        quadrants.append(entry)
        place[key] = entry
    quadrants.sort(key=lambda q: (q["row"], q["column"]))
    borders: dict[tuple[str, str], dict[str, Any]] = {}
    unplaced = []
    for participant_id, participant in participants.items():
        if participant.position is None:
            unplaced.append(participant_id)
            continue
        keys = participant.position.quadrants
        if len(keys) == 1:
            place[keys[0]]["participants"].append(participant_id)
            continue
        first, second = sorted(keys, key=lambda k: (place[k]["row"], place[k]["column"]))
        a, b = place[first], place[second]
        if a["row"] == b["row"]:
            side = "top" if a["row"] == 0 else "bottom"
        else:
            side = "left" if a["column"] == 0 else "right"
        border = borders.setdefault((first, second), {
            "quadrants": [first, second], "side": side, "participants": []})
        border["participants"].append(participant_id)
    axes = {
        "steering": {k: _axis(vocabulary, "steering", k, language)
                     for k in ("inside_out", "outside_in")},
        "focus": {k: _axis(vocabulary, "focus", k, language) for k in ("result", "value")},
    }
    return {"axes": axes, "quadrants": quadrants, "borders": list(borders.values()),
            "unplaced": unplaced}


def _axis(vocabulary: Any, axis: str, key: str, language: str) -> str:
    from evaltool.i18n import pick

    entry = getattr(vocabulary.axes, axis)[key]
    return pick(entry.label.model_dump(), language)


# --- digests: what an overview keeps of one session ------------------------------------------


def digest(session: Any, *, scrubber: Any = None) -> dict[str, Any]:
    """The part of one session that a learning-route overview needs, as plain data.

    Language-independent (vocabulary keys, no labels), JSON-serialisable, and safe to
    cache next to the file: no confidential finding or follow-up, no participant names
    (the texts kept, titles and follow-up questions, are scrubbed by `evaltool.privacy`,
    which replaces every form of a participant's name, e-mail addresses and phone
    numbers), no finding text (only its word pairs, for recurring wording), only counts
    of people.
    `name_fingerprints` holds short hashes of the name parts so that a published
    overview can still be checked for a name that slipped through (`fingerprint`).
    """
    if scrubber is None:
        from evaltool.privacy import Scrubber

        scrubber = Scrubber.for_session(session)
    scrub = scrubber.scrub
    casus = session.casus
    present = [p for p in session.participants.values() if p.attendance != "absent"]
    positions: Counter[str] = Counter()
    orientations: Counter[str] = Counter()
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for participant in present:
        if participant.position is not None:
            positions["+".join(participant.position.quadrants)] += 1
        orientation = orientation_of(participant.roles)
        if orientation:
            orientations[orientation] += 1
        for role in participant.roles:
            if role.played:
                roles[role.role][role.orientation] += 1
    return {
        "digest_version": DIGEST_VERSION,
        "id": session.id,
        "vocabulary": session.vocabulary,
        "status": session.status,
        "title": scrub(casus.title),
        "date": casus.date.isoformat(),
        "learning_route": casus.learning_route,
        "session_number": casus.session_number,
        "judgement": casus.judgement,
        "participants": {"present": len(present),
                         "absent": len(session.participants) - len(present)},
        "positions": dict(sorted(positions.items())),
        "orientations": dict(sorted(orientations.items())),
        "roles": {role: dict(sorted(counts.items())) for role, counts in sorted(roles.items())},
        "sdgs": sorted(sdg.goal for sdg in casus.sdgs),
        # Only what the overview counts: kinds, tags, and the wording of what worked and
        # what was learnt as word pairs (computed here once per file, not per overview).
        "findings": [
            {"kind": f.kind, "tags": list(f.tags),
             "phrases": sorted(phrases(scrub(f.text))) if f.kind in RECURRING_KINDS else []}
            for f in session.findings.values() if not f.confidential
        ],
        "follow_ups": [
            {"id": fu_id, "question": scrub(fu.question),
             "owner": scrubber.owner(fu.owner) if fu.owner else None,
             "due": fu.due.isoformat() if fu.due else None, "status": fu.status,
             "continues": fu.continues}
            for fu_id, fu in session.follow_ups.items() if not fu.confidential
        ],
        "name_fingerprints": sorted(scrubber.fingerprints()),
        "redactions": {
            "names_replaced": scrubber.counts["names"],
            "emails_removed": scrubber.counts["emails"],
            "phones_removed": scrubber.counts["phones"],
            "confidential_findings_left_out": sum(
                1 for f in session.findings.values() if f.confidential),
            "confidential_follow_ups_left_out": sum(
                1 for fu in session.follow_ups.values() if fu.confidential),
            "notes_left_out": 1 if session.notes else 0,
            "participant_names_withheld": sum(
                1 for p in session.participants.values() if p.name),
        },
    }


def fingerprint(word: str) -> str:
    """A short hash of a name part in folded form (no accents, no case)."""
    return hashlib.sha256(fold_name(word).encode("utf-8")).hexdigest()[:16]


def fold_name(text: str) -> str:
    """Text in the form names are compared in: no accents, no invisible characters, no case."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed
                   if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return kept.casefold()


# --- many sessions: the learning-route overview ------------------------------------------------


def session_order(item: Mapping[str, Any]) -> tuple[str, int, str]:
    return (item["date"], item.get("session_number") or 0, item["id"])


def route_summary(digests: Iterable[Mapping[str, Any]], vocabulary: Any, *,
                  language: str) -> dict[str, Any]:
    """The learning-route overview of any number of digests, labelled in `language`.

    Ages of open follow-ups are counted up to the date of the latest session in the
    overview (`as_of`), so that the same files always give the same report.
    """
    ordered = sorted(digests, key=session_order)
    routes = sorted({d["learning_route"] for d in ordered if d.get("learning_route")})
    as_of = ordered[-1]["date"] if ordered else None
    quadrant_keys = list(vocabulary.quadrants)
    sessions = []
    spread = []
    previous: dict[str, int] | None = None
    for d in ordered:
        counts = dict.fromkeys(quadrant_keys, 0)
        border = dict.fromkeys(quadrant_keys, 0)
        for combination, number in d["positions"].items():
            keys = combination.split("+")
            for key in keys:
                if key in counts:
                    counts[key] += number
                    if len(keys) == 2:
                        border[key] += number
        change = ({k: counts[k] - previous[k] for k in quadrant_keys}
                  if previous is not None else None)
        previous = counts
        spread.append({"id": d["id"], "counts": counts, "on_border": border, "change": change})
        sessions.append({
            "id": d["id"],
            "title": d["title"],
            "date": d["date"],
            "session_number": d.get("session_number"),
            "learning_route": d.get("learning_route"),
            "status": d["status"],
            "judgement": _label(vocabulary, "judgements", d.get("judgement"), language),
            "present": d["participants"]["present"],
            "absent": d["participants"]["absent"],
            "findings": len(d["findings"]),
        })
    return {
        "format_version": FORMAT_VERSION,
        "kind": "route",
        "language": language,
        "public": False,
        "anonymisation": None,
        "routes": routes,
        "as_of": as_of,
        "sessions": sessions,
        "quadrants": {
            "order": [{"key": k, "label": vocabulary.label("quadrants", k, language),
                       "short": vocabulary.short_label("quadrants", k, language),
                       "row": 0 if vocabulary.quadrants[k].focus == "result" else 1,
                       "column": 0 if vocabulary.quadrants[k].steering == "inside_out" else 1}
                      for k in quadrant_keys],
            "per_session": spread,
        },
        "roles": _route_roles(ordered, vocabulary, language),
        "orientations": _route_orientations(ordered, vocabulary, language),
        "recurring": _recurring(ordered, vocabulary, language),
        "sdgs": _route_sdgs(ordered, vocabulary, language),
        "follow_ups": _route_follow_ups(ordered, vocabulary, language, as_of),
    }


def _route_roles(ordered: list[Mapping[str, Any]], vocabulary: Any,
                 language: str) -> list[dict[str, Any]]:
    orientations = list(vocabulary.entries("orientations"))
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    sessions: dict[str, set[str]] = defaultdict(set)
    for d in ordered:
        for role, counts in d["roles"].items():
            totals[role].update(counts)
            sessions[role].add(d["id"])
    rows = []
    for role in sorted(totals, key=lambda r: (-sum(totals[r].values()),
                                              list(vocabulary.roles).index(r)
                                              if r in vocabulary.roles else 999)):
        rows.append({
            "key": role,
            "label": vocabulary.label("roles", role, language),
            "counts": {o: totals[role].get(o, 0) for o in orientations},
            "sessions": len(sessions[role]),
        })
    return rows


def _route_orientations(ordered: list[Mapping[str, Any]], vocabulary: Any,
                        language: str) -> dict[str, Any]:
    keys = [*vocabulary.entries("orientations"), "both"]
    per_session = []
    for d in ordered:
        per_session.append({"id": d["id"],
                            "counts": {k: d.get("orientations", {}).get(k, 0) for k in keys}})
    labels = {k: vocabulary.label("orientations", k, language) for k in keys[:-1]}
    labels["both"] = " + ".join(labels.values())
    return {"labels": labels, "per_session": per_session}


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_REPLACED = re.compile(r"\[[^\]]*\]")


def phrases(text: str) -> set[str]:
    """The word pairs (each word of 4+ letters) and long words (9+) in a text, folded.

    A bracketed replacement of a name ("[Adviseur]") is no wording of the text.
    """
    text = _REPLACED.sub(" ", unicodedata.normalize("NFC", text))
    words = [w.casefold() for w in _WORD.findall(text)]
    found = {w for w in words if len(w) >= 9}
    found |= {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)
              if len(a) >= 4 and len(b) >= 4}
    return found


def _recurring(ordered: list[Mapping[str, Any]], vocabulary: Any,
               language: str) -> dict[str, Any]:
    """Tags and wording that come back in the success factors and learnings of 2+ sessions."""
    tag_sessions: dict[str, list[str]] = defaultdict(list)
    tag_kinds: dict[str, set[str]] = defaultdict(set)
    phrase_sessions: dict[str, list[str]] = defaultdict(list)
    for d in ordered:
        tags: set[str] = set()
        wording: set[str] = set()
        for finding in d["findings"]:
            if finding["kind"] not in RECURRING_KINDS:
                continue
            for tag in finding["tags"]:
                tags.add(tag.casefold())
                tag_kinds[tag.casefold()].add(finding["kind"])
            wording.update(finding["phrases"])
        for tag in sorted(tags):
            tag_sessions[tag].append(d["id"])
        for phrase in sorted(wording):
            phrase_sessions[phrase].append(d["id"])
    kinds = list(vocabulary.entries("finding_kinds"))
    tags_out = [
        {"tag": tag, "sessions": ids,
         "kinds": [{"key": k, "label": vocabulary.label("finding_kinds", k, language)}
                   for k in kinds if k in tag_kinds[tag]]}
        for tag, ids in sorted(tag_sessions.items(), key=lambda item: (-len(item[1]), item[0]))
        if len(ids) >= 2
    ]
    repeated = [(phrase, ids) for phrase, ids in phrase_sessions.items() if len(ids) >= 2]
    # A long word inside a repeated pair says nothing more: keep the pair.
    pairs = {phrase for phrase, _ in repeated if " " in phrase}
    repeated = [(phrase, ids) for phrase, ids in repeated
                if " " in phrase or not any(phrase in pair.split() for pair in pairs)]
    repeated.sort(key=lambda item: (-len(item[1]), -len(item[0]), item[0]))
    return {
        "tags": tags_out,
        "phrases": [{"phrase": phrase, "sessions": ids} for phrase, ids in
                    repeated[:MAX_PHRASES]],
    }


def _route_sdgs(ordered: list[Mapping[str, Any]], vocabulary: Any,
                language: str) -> list[dict[str, Any]]:
    sessions: dict[int, list[str]] = defaultdict(list)
    for d in ordered:
        for goal in d["sdgs"]:
            sessions[goal].append(d["id"])
    return [{"goal": goal, "label": vocabulary.sdg_label(goal, language), "sessions": ids}
            for goal, ids in sorted(sessions.items())]


def _days(start: str, end: str | None) -> int | None:
    if end is None:
        return None
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days


def _route_follow_ups(ordered: list[Mapping[str, Any]], vocabulary: Any, language: str,
                      as_of: str | None) -> dict[str, Any]:
    """Follow-up threads: opened in one session, continued or closed by later ones.

    A later follow-up with `continues: "<session-id>#<fu-id>"` belongs to that thread;
    the thread is closed when its latest item has status done or dropped.
    """
    threads: dict[str, dict[str, Any]] = {}
    owner_of: dict[str, str] = {}  # "<session>#<fu>" → the thread it belongs to
    for d in ordered:
        for fu in d["follow_ups"]:
            ref = f"{d['id']}#{fu['id']}"
            target = owner_of.get(fu["continues"]) if fu.get("continues") else None
            if target is None:
                threads[ref] = {
                    "ref": ref,
                    "question": fu["question"],
                    "owner": fu.get("owner"),
                    "due": fu.get("due"),
                    "opened_in": d["id"],
                    "opened_on": d["date"],
                    "continues": fu.get("continues"),
                    "history": [],
                    "status": fu["status"],
                    "closed_in": d["id"] if fu["status"] in CLOSED_STATUSES else None,
                    "closed_on": d["date"] if fu["status"] in CLOSED_STATUSES else None,
                }
                owner_of[ref] = ref
                continue
            thread = threads[target]
            owner_of[ref] = target
            thread["history"].append({"ref": ref, "session": d["id"], "date": d["date"],
                                      "status": fu["status"]})
            thread["status"] = fu["status"]
            thread["owner"] = fu.get("owner") or thread["owner"]
            thread["due"] = fu.get("due") or thread["due"]
            closed = fu["status"] in CLOSED_STATUSES
            thread["closed_in"] = d["id"] if closed else None
            thread["closed_on"] = d["date"] if closed else None
    items = []
    for thread in threads.values():
        closed = thread["closed_on"] is not None
        thread["age_days"] = _days(thread["opened_on"], thread["closed_on"] if closed else as_of)
        thread["status"] = _label(vocabulary, "follow_up_statuses", thread["status"], language)
        items.append(thread)
    still_open = [i for i in items if i["closed_on"] is None]
    return {
        "as_of": as_of,
        "opened": len(items),
        "closed": len(items) - len(still_open),
        "open": len(still_open),
        "items": items,
    }
