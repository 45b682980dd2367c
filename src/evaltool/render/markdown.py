"""The Markdown report: reads like the municipality's newsletter, in the reader's language.

Headings follow the seed's report ("Rollen en talenten", "Opbrengsten", ...); people
appear by function. Every piece of user text goes through `safe.markdown`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from evaltool.render import (
    count_of,
    long_date,
    omitted,
    opening,
    thread_details,
    thread_groups,
)
from evaltool.render import report_text as _t
from evaltool.render.safe import markdown as md
from evaltool.render.safe import markdown_line as md1


def _people(ids: list[str], people: Mapping[str, Any]) -> str:
    return _list_plain([md1(people[i]["label"]) for i in ids if i in people])


def _list_plain(items: list[str]) -> str:
    return ", ".join(items)


def _anonymised(summary: Mapping[str, Any]) -> list[str]:
    info = summary.get("anonymisation")
    if not info:
        return []
    lines = [f"> *{md1(info['notice'])}*", ">"]
    lines += [f"> - {md1(rule)}" for rule in info["rules"]]
    return [*lines, ""]


def render_session(summary: Mapping[str, Any]) -> str:
    language = summary["language"]
    s = summary["session"]
    people = {p["id"]: p for p in summary["participants"]}
    out: list[str] = []
    title = md1(s["title"])
    if s["session_number"]:
        title = _t("md_session_title", language, number=s["session_number"], title=title)
    out += [f"# {title}", ""]
    byline = [long_date(s["date"], language)]
    if s["learning_route"]:
        byline.append(_t("md_route", language, route=md1(s["learning_route"])))
    if s["organisation"]:
        byline.append(md1(s["organisation"]))
    out += ["*" + " · ".join(byline) + "*", ""]
    if s["status"] == "draft":
        out += [f"**{_t('draft_notice', language)}**", ""]
    out += _anonymised(summary)

    out += [opening(summary, language, md1), ""]
    if s["description"]:
        out += [md(s["description"]), ""]
    if s["plan"]:
        out += [f"## {_t('plan', language)}", "", md(s["plan"]), ""]
    if s["realised"]:
        out += [f"## {_t('realised', language)}", "", md(s["realised"]), ""]
    if s["judgement"]:
        judgement = f"**{_t('judgement', language)}:** {md1(s['judgement']['label'])}"
        if s["judgement_note"]:
            judgement += f". {md(s['judgement_note'])}"
        out += [judgement, ""]
    if s["sdgs"]:
        out += [f"## {_t('sdgs', language)}", ""]
        for sdg in s["sdgs"]:
            line = f"- **SDG {sdg['goal']}** {md1(sdg['label'])}"
            if sdg["note"]:
                line += f": {md1(sdg['note'])}"
            out.append(line)
        out.append("")

    findings = {group["kind"]: group for group in summary["findings"]}
    for kind in ("success_factor", "attention_point"):
        if kind in findings:
            out += _finding_section(findings.pop(kind), language, level=2)

    out += [f"## {_t('roles_and_talents', language)}", ""]
    if summary["participants"]:
        out += [f"### {_t('nsob_map', language)}", ""]
        out += _map(summary["map"], people, language)
    if any(p["usual_roles"] or p["played_roles"] for p in summary["participants"]):
        out += [f"### {_t('roles_played', language)}", ""]
        for p in summary["participants"]:
            if not (p["usual_roles"] or p["played_roles"]):
                continue
            roles = []
            if p["usual_roles"]:
                roles.append(f"{_t('usual', language)}: "
                             + ", ".join(_role(r) for r in p["usual_roles"]))
            if p["played_roles"]:
                roles.append(f"{_t('played', language)}: "
                             + " → ".join(_role(r) for r in p["played_roles"]))
            out.append(f"- **{md1(p['label'])}** — " + "; ".join(roles))
        out.append("")
    for kind in ("talent", "mandate", "motivation"):
        if kind in findings:
            out += _finding_section(findings.pop(kind), language, level=3)
    for kind in ("wish", "discussion_topic"):
        if kind in findings:
            out += _finding_section(findings.pop(kind), language, level=3)
    learning = findings.pop("learning_point", None)
    if "yield" in findings:
        out += _finding_section(findings.pop("yield"), language, level=2)
    for group in findings.values():
        out += _finding_section(group, language, level=2)
    if summary["follow_ups"]:
        out += [f"## {_t('follow_ups', language)}", ""]
        for fu in summary["follow_ups"]:
            line = f"- {md1(fu['question'])}"
            extra = []
            if fu["owner"]:
                extra.append(_t("owner_is", language, owner=md1(fu["owner"])))
            if fu["due"]:
                extra.append(_t("due_is", language, due=long_date(fu["due"], language)))
            extra.append(md1(fu["status"]["label"]))
            line += f" *({'; '.join(extra)})*"
            out.append(line)
        out.append("")
    if learning or summary["reflection"]:
        out += [f"## {_t('listener_section', language)}", ""]
        if summary["reflection"]:
            out += [md(summary["reflection"]), ""]
        if learning:
            out += [f"- {md1(item['text'])}" for item in learning["items"]] + [""]
    if summary["next_session"]:
        out += [f"## {_t('next_session', language)}", "", md(summary["next_session"]), ""]
    return "\n".join(out).rstrip() + "\n"


def _role(role: Mapping[str, Any]) -> str:
    text = f"{md1(role['label'])} ({md1(role['orientation']['label'])}"
    if role["phase"]:
        text += f", {md1(role['phase'])}"
    return text + ")"


def _finding_section(group: Mapping[str, Any], language: str, level: int) -> list[str]:
    out = ["#" * level + " " + md1(group["label"]), ""]
    for item in group["items"]:
        out.append(f"- {md1(item['text'])}")
    return [*out, ""]


def _map(nsob: Mapping[str, Any], people: Mapping[str, Any], language: str) -> list[str]:
    """The NSOB figure as a table of its four corners, then the borders between them."""
    axes = nsob["axes"]
    corner = {(q["row"], q["column"]): q for q in nsob["quadrants"]}

    def cell(q: Mapping[str, Any]) -> str:
        names = _people(q["participants"], people)
        return f"**{md1(q['label'])}**" + (f"<br>{names}" if names else "")

    out = [
        f"| | ← {md1(axes['steering']['inside_out'])} | {md1(axes['steering']['outside_in'])} → |",
        "|---|---|---|",
        f"| **{md1(axes['focus']['result'])}** | {cell(corner[(0, 0)])} | {cell(corner[(0, 1)])} |",
        f"| **{md1(axes['focus']['value'])}** | {cell(corner[(1, 0)])} | {cell(corner[(1, 1)])} |",
        "",
    ]
    labels = {q["key"]: q["label"] for q in nsob["quadrants"]}
    for border in nsob["borders"]:
        out.append("- " + _t("md_border", language,
                             first=md1(labels[border["quadrants"][0]]),
                             second=md1(labels[border["quadrants"][1]]),
                             people=_people(border["participants"], people)))
    placed = [p for p in people.values() if p["orientation"]]
    for p in placed:
        out.append("- " + _t("md_orientation", language, person=md1(p["label"]),
                             orientation=md1(p["orientation"]["label"])))
    if nsob["unplaced"]:
        out.append("- " + _t("not_placed", language) + " " + _people(nsob["unplaced"], people))
    return [*out, ""]


# --- a learning route ------------------------------------------------------------------------


def render_route(summary: Mapping[str, Any]) -> str:
    language = summary["language"]
    out: list[str] = []
    routes = ", ".join(summary["routes"]) or _t("no_route", language)
    out += [f"# {md1(_t('route_title', language, route=routes))}", ""]
    out += _anonymised(summary)
    sessions = summary["sessions"]
    if sessions:
        since = summary["omitted"]["since"] if omitted(summary, "sessions") else None
        out += [_t("md_route_intro", language,
                   count=len(sessions) + omitted(summary, "sessions"),
                   first=long_date(since or sessions[0]["date"], language),
                   last=long_date(sessions[-1]["date"], language)), ""]
    out += [f"## {_t('sessions', language)}", ""]
    out += [f"| {_t('col_date', language)} | # | {_t('col_casus', language)} | "
            f"{_t('col_present', language)} | {_t('col_judgement', language)} |",
            "|---|---:|---|---:|---|"]
    for s in sessions:
        judgement = md1(s["judgement"]["label"]) if s["judgement"] else ""
        out.append(f"| {long_date(s['date'], language)} | {s['session_number'] or ''} | "
                   f"{md1(s['title'])} | {s['present']} | {judgement} |")
    out.append("")
    if omitted(summary, "sessions"):
        note = _t("more_sessions", language, shown=len(sessions),
                  count=omitted(summary, "sessions"),
                  since=long_date(summary["omitted"]["since"], language))
        out += [f"*{note}*", ""]

    out += [f"## {_t('roles_and_talents', language)}", ""]
    out += [f"### {_t('quadrant_spread', language)}", ""]
    order = summary["quadrants"]["order"]
    dates = {s["id"]: s["date"] for s in sessions}
    out.append(f"| {_t('col_session', language)} | "
               + " | ".join(md1(q["label"]) for q in order) + " |")
    out.append("|---|" + "---:|" * len(order))
    for row in summary["quadrants"]["per_session"]:
        cells = []
        for q in order:
            value = str(row["counts"][q["key"]])
            if row["change"] is not None and row["change"][q["key"]]:
                value += f" ({row['change'][q['key']]:+d})"
            cells.append(value)
        out.append(f"| {long_date(dates[row['id']], language)} | " + " | ".join(cells) + " |")
    out += ["", f"*{_t('spread_note', language)}*", ""]
    if summary["roles"]:
        labels = summary["orientations"]["labels"]
        keys = [k for k in labels if k != "both"]
        out += [f"### {_t('route_roles', language)}", ""]
        out.append(f"| {_t('col_role', language)} | "
                   + " | ".join(md1(labels[k]) for k in keys) + " |")
        out.append("|---|" + "---:|" * len(keys))
        for role in summary["roles"]:
            out.append(f"| {md1(role['label'])} | "
                       + " | ".join(str(role["counts"].get(k, 0)) for k in keys) + " |")
        out.append("")
        out += [f"*{_t('people_orientation', language)}*", ""]
        out.append(f"| {_t('col_session', language)} | "
                   + " | ".join(md1(labels[k]) for k in labels) + " |")
        out.append("|---|" + "---:|" * len(labels))
        for row in summary["orientations"]["per_session"]:
            out.append(f"| {long_date(dates[row['id']], language)} | "
                       + " | ".join(str(row["counts"][k]) for k in labels) + " |")
        out.append("")

    recurring = summary["recurring"]
    out += [f"## {_t('recurring', language)}", ""]
    if recurring["tags"]:
        out += [f"*{_t('recurring_tags', language)}*", ""]
        for tag in recurring["tags"]:
            out.append(f"- **\\#{md1(tag['tag'])}** — "
                       + _t("in_sessions", language, count=count_of(tag))
                       + " (" + ", ".join(md1(k["label"]) for k in tag["kinds"]) + ")")
        out.append("")
    if recurring["phrases"]:
        out += [f"*{_t('recurring_phrases', language)}*", ""]
        for phrase in recurring["phrases"]:
            out.append(f"- “{md1(phrase['phrase'])}” — "
                       + _t("in_sessions", language, count=count_of(phrase)))
        out.append("")
    if not recurring["tags"] and not recurring["phrases"]:
        out += [_t("nothing_recurring", language), ""]

    if summary["sdgs"]:
        out += [f"## {_t('sdg_coverage', language)}", ""]
        for sdg in summary["sdgs"]:
            out.append(f"- **SDG {sdg['goal']}** {md1(sdg['label'])}: "
                       + _t("in_sessions", language, count=count_of(sdg)))
        out.append("")

    fus = summary["follow_ups"]
    out += [f"## {_t('route_follow_ups', language)}", ""]
    as_of = long_date(fus["as_of"], language) if fus["as_of"] else "-"
    out += [_t("follow_up_counts", language, opened=fus["opened"], closed=fus["closed"],
               open=fus["open"], as_of=as_of), ""]
    for label_key, items, more in thread_groups(summary):
        if not items:
            continue
        out += [f"### {_t(label_key, language)}", ""]
        for item in items:
            out.append(f"- {md1(item['question'])} *({thread_details(item, language, md1)})*")
        if more:
            out.append(f"- *{_t('more_threads', language, count=more)}*")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render(summary: Mapping[str, Any]) -> str:
    if summary["kind"] == "route":
        return render_route(summary)
    return render_session(summary)
