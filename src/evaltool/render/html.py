"""The HTML report: one self-contained page with the NSOB map as an inline SVG figure.

No script, no external style sheet, font, image or link: the CSS is inline and a strict
Content-Security-Policy (`default-src 'none'`) forbids the page to load anything, so a
report opened from a mail or an intranet page cannot call home. Print styles lay it
out on A4. Every piece of user text goes through `safe.html_text`/`safe.html_block`.
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
from evaltool.render.safe import html_block as block
from evaltool.render.safe import html_text as esc
from evaltool.render.svg import render_map, render_spread

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: #1b1b1b; background: #ffffff; line-height: 1.45; margin: 0; }
main { max-width: 50rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem; color: #0b4f6c; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; color: #0b4f6c;
     border-bottom: 2px solid #d7e3ea; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.3rem 0 .4rem; }
.byline { color: #555555; font-style: italic; margin: 0 0 1rem; }
.notice { border-left: 4px solid #c0562a; background: #fbf3ee; padding: .6rem 1rem;
          margin: 1rem 0; }
.notice p { margin: 0 0 .3rem; font-style: italic; }
.draft { font-weight: bold; color: #8a1c1c; }
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: .85rem; color: #555555; margin-top: .3rem; }
svg.nsob-map, svg.spread-map { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #c9d3da; padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #eef3f8; }
td.num, th.num { text-align: right; }
tbody td:first-child { white-space: nowrap; }
ul { padding-left: 1.3rem; }
li { margin: .2rem 0; }
.meta { color: #555555; font-size: .9rem; }
.roles dt { font-weight: bold; margin-top: .5rem; }
.roles dd { margin: 0 0 0 1rem; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, ul, dl { break-inside: auto; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  .notice { background: none; }
}
"""


def page(title: str, body: list[str], language: str) -> str:
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{esc(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        *body,
        "</main>",
        "</body>",
        "</html>",
        "",
    ])


def _notice(summary: Mapping[str, Any]) -> list[str]:
    info = summary.get("anonymisation")
    if not info:
        return []
    rules = "".join(f"<li>{esc(rule)}</li>" for rule in info["rules"])
    return [f'<aside class="notice"><p>{esc(info["notice"])}</p><ul>{rules}</ul></aside>']


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _role(role: Mapping[str, Any]) -> str:
    extra = esc(role["orientation"]["label"])
    if role["phase"]:
        extra += ", " + esc(role["phase"])
    return f"{esc(role['label'])} <span class=\"meta\">({extra})</span>"


def render_session(summary: Mapping[str, Any]) -> str:
    language = summary["language"]
    s = summary["session"]
    people = {p["id"]: p for p in summary["participants"]}
    title = esc(s["title"])
    if s["session_number"]:
        title = _t("md_session_title", language, number=s["session_number"], title=title)
    body = [f"<h1>{title}</h1>"]
    byline = [long_date(s["date"], language)]
    if s["learning_route"]:
        byline.append(_t("md_route", language, route=esc(s["learning_route"])))
    if s["organisation"]:
        byline.append(esc(s["organisation"]))
    body.append(f'<p class="byline">{" · ".join(byline)}</p>')
    if s["status"] == "draft":
        body.append(f'<p class="draft">{esc(_t("draft_notice", language))}</p>')
    body += _notice(summary)
    body.append(f"<p>{opening(summary, language, esc)}</p>")
    if s["description"]:
        body.append(f"<p>{block(s['description'])}</p>")
    if s["plan"]:
        body += [f"<h2>{_t('plan', language)}</h2>", f"<p>{block(s['plan'])}</p>"]
    if s["realised"]:
        body += [f"<h2>{_t('realised', language)}</h2>", f"<p>{block(s['realised'])}</p>"]
    if s["judgement"]:
        judgement = f"<strong>{_t('judgement', language)}:</strong> {esc(s['judgement']['label'])}"
        if s["judgement_note"]:
            judgement += f". {block(s['judgement_note'])}"
        body.append(f"<p>{judgement}</p>")
    if s["sdgs"]:
        body.append(f"<h2>{_t('sdgs', language)}</h2>")
        body.append(_list([
            f"<strong>SDG {sdg['goal']}</strong> {esc(sdg['label'])}"
            + (f": {esc(sdg['note'])}" if sdg["note"] else "") for sdg in s["sdgs"]]))
    findings = {group["kind"]: group for group in summary["findings"]}
    for kind in ("success_factor", "attention_point"):
        if kind in findings:
            body += _findings(findings.pop(kind), "h2")
    body.append(f"<h2>{_t('roles_and_talents', language)}</h2>")
    body.append(f"<h3>{_t('nsob_map', language)}</h3>")
    body.append('<figure class="map">' + render_map(summary["map"], people, language)
                + f"<figcaption>{esc(_t('map_caption', language))}</figcaption></figure>")
    if any(p["usual_roles"] or p["played_roles"] for p in summary["participants"]):
        body.append(f"<h3>{_t('roles_played', language)}</h3>")
        rows = []
        for p in summary["participants"]:
            if not (p["usual_roles"] or p["played_roles"]):
                continue
            rows.append(f"<dt>{esc(p['number'])}. {esc(p['label'])}</dt>")
            if p["usual_roles"]:
                rows.append(f"<dd><em>{_t('usual', language)}:</em> "
                            + ", ".join(_role(r) for r in p["usual_roles"]) + "</dd>")
            if p["played_roles"]:
                rows.append(f"<dd><em>{_t('played', language)}:</em> "
                            + " → ".join(_role(r) for r in p["played_roles"]) + "</dd>")
        body.append('<dl class="roles">' + "".join(rows) + "</dl>")
    for kind in ("talent", "mandate", "motivation", "wish", "discussion_topic"):
        if kind in findings:
            body += _findings(findings.pop(kind), "h3")
    learning = findings.pop("learning_point", None)
    if "yield" in findings:
        body += _findings(findings.pop("yield"), "h2")
    for group in findings.values():
        body += _findings(group, "h2")
    if summary["follow_ups"]:
        body.append(f"<h2>{_t('follow_ups', language)}</h2>")
        items = []
        for fu in summary["follow_ups"]:
            extra = []
            if fu["owner"]:
                extra.append(_t("owner_is", language, owner=esc(fu["owner"])))
            if fu["due"]:
                extra.append(_t("due_is", language, due=long_date(fu["due"], language)))
            extra.append(esc(fu["status"]["label"]))
            items.append(f"{block(fu['question'])} <span class=\"meta\">({'; '.join(extra)})"
                         "</span>")
        body.append(_list(items))
    if learning or summary["reflection"]:
        body.append(f"<h2>{_t('listener_section', language)}</h2>")
        if summary["reflection"]:
            body.append(f"<p>{block(summary['reflection'])}</p>")
        if learning:
            body.append(_list([block(item["text"]) for item in learning["items"]]))
    if summary["next_session"]:
        body += [f"<h2>{_t('next_session', language)}</h2>",
                 f"<p>{block(summary['next_session'])}</p>"]
    return page(esc(s["title"]), body, language)


def _findings(group: Mapping[str, Any], tag: str) -> list[str]:
    return [f"<{tag}>{esc(group['label'])}</{tag}>",
            _list([block(item["text"]) for item in group["items"]])]


def _table(head: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    def cls(index: int) -> str:
        return ' class="num"' if index in numeric else ""

    out = ["<table><thead><tr>"
           + "".join(f"<th{cls(i)}>{cell}</th>" for i, cell in enumerate(head))
           + "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td{cls(i)}>{cell}</td>" for i, cell in enumerate(row))
                   + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_route(summary: Mapping[str, Any]) -> str:
    language = summary["language"]
    routes = ", ".join(summary["routes"]) or _t("no_route", language)
    title = esc(_t("route_title", language, route=routes))
    body = [f"<h1>{title}</h1>"]
    body += _notice(summary)
    sessions = summary["sessions"]
    if sessions:
        since = summary["omitted"]["since"] if omitted(summary, "sessions") else None
        body.append("<p>" + _t("md_route_intro", language,
                               count=len(sessions) + omitted(summary, "sessions"),
                               first=long_date(since or sessions[0]["date"], language),
                               last=long_date(sessions[-1]["date"], language)) + "</p>")
    body.append(f"<h2>{_t('sessions', language)}</h2>")
    body.append(_table(
        [_t("col_date", language), "#", _t("col_casus", language), _t("col_present", language),
         _t("col_judgement", language)],
        [[long_date(s["date"], language), esc(s["session_number"] or ""), esc(s["title"]),
          esc(s["present"]), esc(s["judgement"]["label"]) if s["judgement"] else ""]
         for s in sessions], {1, 3}))
    if omitted(summary, "sessions"):
        body.append('<p class="meta">' + esc(_t(
            "more_sessions", language, shown=len(sessions), count=omitted(summary, "sessions"),
            since=long_date(summary["omitted"]["since"], language))) + "</p>")
    body.append(f"<h2>{_t('roles_and_talents', language)}</h2>")
    body.append(f"<h3>{_t('quadrant_spread', language)}</h3>")
    order = summary["quadrants"]["order"]
    dates = {s["id"]: s["date"] for s in sessions}
    rows = []
    for row in summary["quadrants"]["per_session"]:
        cells = [long_date(dates[row["id"]], language)]
        for q in order:
            value = str(row["counts"][q["key"]])
            if row["change"] is not None and row["change"][q["key"]]:
                value += f" ({row['change'][q['key']]:+d})"
            cells.append(value)
        rows.append(cells)
    body.append('<figure class="spread">' + render_spread(summary, language)
                + f"<figcaption>{esc(_t('spread_caption', language))}</figcaption></figure>")
    body.append(_table([_t("col_session", language)] + [esc(q["label"]) for q in order], rows,
                       set(range(1, len(order) + 1))))
    body.append(f'<p class="meta">{esc(_t("spread_note", language))}</p>')
    if summary["roles"]:
        labels = summary["orientations"]["labels"]
        keys = [k for k in labels if k != "both"]
        body.append(f"<h3>{_t('route_roles', language)}</h3>")
        body.append(_table([_t("col_role", language)] + [esc(labels[k]) for k in keys],
                           [[esc(r["label"])] + [str(r["counts"].get(k, 0)) for k in keys]
                            for r in summary["roles"]], set(range(1, len(keys) + 1))))
        body.append(f'<p class="meta">{esc(_t("people_orientation", language))}</p>')
        body.append(_table([_t("col_session", language)] + [esc(labels[k]) for k in labels],
                           [[long_date(dates[r["id"]], language)]
                            + [str(r["counts"][k]) for k in labels]
                            for r in summary["orientations"]["per_session"]],
                           set(range(1, len(labels) + 1))))
    recurring = summary["recurring"]
    body.append(f"<h2>{_t('recurring', language)}</h2>")
    if recurring["tags"]:
        body.append(f"<p><em>{_t('recurring_tags', language)}</em></p>")
        body.append(_list([
            f"<strong>#{esc(tag['tag'])}</strong> — "
            + _t("in_sessions", language, count=count_of(tag))
            + " (" + ", ".join(esc(k["label"]) for k in tag["kinds"]) + ")"
            for tag in recurring["tags"]]))
    if recurring["phrases"]:
        body.append(f"<p><em>{_t('recurring_phrases', language)}</em></p>")
        body.append(_list([f"“{esc(p['phrase'])}” — "
                           + _t("in_sessions", language, count=count_of(p))
                           for p in recurring["phrases"]]))
    if not recurring["tags"] and not recurring["phrases"]:
        body.append(f"<p>{_t('nothing_recurring', language)}</p>")
    if summary["sdgs"]:
        body.append(f"<h2>{_t('sdg_coverage', language)}</h2>")
        body.append(_list([f"<strong>SDG {sdg['goal']}</strong> {esc(sdg['label'])}: "
                           + _t("in_sessions", language, count=count_of(sdg))
                           for sdg in summary["sdgs"]]))
    fus = summary["follow_ups"]
    body.append(f"<h2>{_t('route_follow_ups', language)}</h2>")
    as_of = long_date(fus["as_of"], language) if fus["as_of"] else "-"
    body.append("<p>" + _t("follow_up_counts", language, opened=fus["opened"],
                           closed=fus["closed"], open=fus["open"], as_of=as_of) + "</p>")
    for label_key, items, more in thread_groups(summary):
        if not items:
            continue
        body.append(f"<h3>{_t(label_key, language)}</h3>")
        lines = [f"{block(item['question'])} <span class=\"meta\">"
                 f"({thread_details(item, language, esc)})</span>" for item in items]
        if more:
            lines.append(f"<em>{esc(_t('more_threads', language, count=more))}</em>")
        body.append(_list(lines))
    return page(title, body, language)


def render(summary: Mapping[str, Any]) -> str:
    if summary["kind"] == "route":
        return render_route(summary)
    return render_session(summary)
