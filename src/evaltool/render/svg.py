"""The NSOB map as an inline SVG figure: four quadrants, the axes, every participant.

Each participant is a `<g class="participant" data-participant="ID">` with a numbered
marker and its label (full label in `<title>`), placed in its quadrant, on the line
between two quadrants, or in the strip "not placed" below the figure. The marker's
fill shows the orientation in a way that survives grey-scale printing: solid for
city-facing, hollow for internal, half for both. Nothing refers outside the figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from evaltool.i18n import t
from evaltool.render.safe import html_text as esc
from evaltool.render.safe import one_line

WIDTH = 760
LEFT, TOP = 40, 40          # room for the axis labels
COLUMN = 340                # width of one quadrant
LINE = 22                   # height of one participant entry
MAX_LABEL = 44              # characters of a label shown (the full one is in <title>)
CHAR = 7.0                  # a generous average width of one character at 12px
CITY, INTERNAL, NEUTRAL = "#1f6f8b", "#c0562a", "#777777"


def _short(label: str, limit: int = MAX_LABEL) -> str:
    label = one_line(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _marker(x: float, y: float, person: Mapping[str, Any]) -> str:
    orientation = (person.get("orientation") or {}).get("key")
    r = 9
    number = esc(person["number"])
    if orientation == "city":
        shape = f'<circle cx="{x}" cy="{y}" r="{r}" fill="{CITY}" stroke="{CITY}"/>'
        ink = "#ffffff"
    elif orientation == "internal":
        shape = (f'<circle cx="{x}" cy="{y}" r="{r}" fill="#ffffff" stroke="{INTERNAL}" '
                 f'stroke-width="3"/>')
        ink = "#000000"
    elif orientation == "both":
        shape = (f'<circle cx="{x}" cy="{y}" r="{r}" fill="#ffffff" stroke="{INTERNAL}" '
                 f'stroke-width="3"/><path d="M {x} {y - r} A {r} {r} 0 0 0 {x} {y + r} Z" '
                 f'fill="{CITY}"/>')
        ink = "#000000"
    else:
        shape = (f'<circle cx="{x}" cy="{y}" r="{r}" fill="#ffffff" stroke="{NEUTRAL}" '
                 f'stroke-dasharray="2 2"/>')
        ink = "#000000"
    text = (f'<text x="{x}" y="{y + 4}" text-anchor="middle" font-size="10" '
            f'font-weight="bold" fill="{ink}" stroke="#ffffff" stroke-width="0.6" '
            f'paint-order="stroke">{number}</text>')
    return shape + text


def _entry(x: float, y: float, person: Mapping[str, Any], *, anchor: str = "start",
           backdrop: bool = False) -> str:
    label = _short(person["label"])
    orientation = person.get("orientation")
    title = one_line(person["label"]) + (f" ({orientation['label']})" if orientation else "")
    width = len(label) * CHAR + 30
    if anchor == "middle":
        marker_x = x - width / 2 + 12
    else:
        marker_x = x
    text_x = marker_x + 14
    parts = [f'<g class="participant" data-participant="{esc(person["id"])}">',
             f"<title>{esc(title)}</title>"]
    if backdrop:
        parts.append(f'<rect x="{marker_x - 12:.0f}" y="{y - 11}" width="{width:.0f}" height="22" '
                     f'rx="4" fill="#ffffff" stroke="#999999" stroke-width="0.5"/>')
    parts.append(_marker(round(marker_x), y, person))
    parts.append(f'<text class="label" x="{text_x:.0f}" y="{y + 4}" font-size="12">'
                 f"{esc(label)}</text></g>")
    return "".join(parts)


def render_map(nsob: Mapping[str, Any], people: Mapping[str, Any], language: str) -> str:
    """The figure for one session's `map` (from `summary.nsob_map`) as an `<svg>` element."""
    corner = {(q["row"], q["column"]): q for q in nsob["quadrants"]}
    border = {b["side"]: b for b in nsob["borders"]}

    def count(side: str) -> int:
        return len(border[side]["participants"]) if side in border else 0

    rows = []
    for row, side in ((0, "top"), (1, "bottom")):
        inside = max(len(corner[(row, 0)]["participants"]), len(corner[(row, 1)]["participants"]))
        rows.append(max(150, 44 + LINE * inside + (LINE + 6) * count(side) + 16))
    band = max(count("left"), count("right")) * (LINE + 6) + (10 if border.keys() & {
        "left", "right"} else 0)
    mid_x = LEFT + COLUMN
    y0 = TOP
    y1 = TOP + rows[0] + band
    height_map = rows[0] + band + rows[1]
    body: list[str] = []
    fills = {(0, 0): "#eef3f8", (0, 1): "#eef7f1", (1, 0): "#f7f2ea", (1, 1): "#f6eef6"}
    for (row, column), q in sorted(corner.items()):
        x = LEFT + column * COLUMN
        y = y0 if row == 0 else y1
        h = rows[row]
        body.append(f'<g class="quadrant" data-quadrant="{esc(q["key"])}">'
                    f'<rect x="{x}" y="{y}" width="{COLUMN}" height="{h}" '
                    f'fill="{fills[(row, column)]}" stroke="#555555"/>'
                    f'<text x="{x + 12}" y="{y + 24}" font-size="15" font-weight="bold">'
                    f'{esc(q["label"])}</text>')
        for index, participant_id in enumerate(q["participants"]):
            if participant_id in people:
                body.append(_entry(x + 22, y + 48 + index * LINE, people[participant_id]))
        body.append("</g>")
    if band:
        body.append(f'<line x1="{LEFT}" y1="{y0 + rows[0] + band / 2}" x2="{LEFT + 2 * COLUMN}" '
                    f'y2="{y0 + rows[0] + band / 2}" stroke="#555555" stroke-dasharray="4 3"/>')
    for side in ("top", "bottom", "left", "right"):
        if side not in border:
            continue
        ids = [i for i in border[side]["participants"] if i in people]
        body.append(f'<g class="border" data-border="{side}">')
        for index, participant_id in enumerate(ids):
            if side in ("top", "bottom"):
                row_top = y0 if side == "top" else y1
                y = row_top + rows[0 if side == "top" else 1] - 22 - index * (LINE + 6)
                body.append(_entry(mid_x, y, people[participant_id], anchor="middle",
                                   backdrop=True))
            else:
                x = LEFT + (COLUMN // 2 if side == "left" else COLUMN * 3 // 2)
                y = y0 + rows[0] + 5 + (LINE + 6) // 2 + index * (LINE + 6)
                body.append(_entry(x, y, people[participant_id], anchor="middle",
                                   backdrop=True))
        body.append("</g>")
    axes = nsob["axes"]
    bottom = TOP + height_map
    body.append(
        f'<g class="axes" font-size="12" font-style="italic" fill="#333333">'
        f'<text x="{mid_x}" y="{TOP - 14}" text-anchor="middle">↑ '
        f'{esc(axes["focus"]["result"])}</text>'
        f'<text x="{mid_x}" y="{bottom + 20}" text-anchor="middle">↓ '
        f'{esc(axes["focus"]["value"])}</text>'
        f'<text x="{LEFT - 14}" y="{TOP + height_map / 2}" text-anchor="middle" '
        f'transform="rotate(-90 {LEFT - 14} {TOP + height_map / 2})">← '
        f'{esc(axes["steering"]["inside_out"])}</text>'
        f'<text x="{LEFT + 2 * COLUMN + 16}" y="{TOP + height_map / 2}" text-anchor="middle" '
        f'transform="rotate(90 {LEFT + 2 * COLUMN + 16} {TOP + height_map / 2})">'
        f'{esc(axes["steering"]["outside_in"])} →</text></g>')
    y = bottom + 50
    unplaced = [i for i in nsob["unplaced"] if i in people]
    if unplaced:
        body.append(f'<g class="unplaced"><text x="{LEFT}" y="{y}" font-size="12" '
                    f'font-style="italic">{esc(t("report.not_placed", language))}</text>')
        for index, participant_id in enumerate(unplaced):
            column, row = index % 2, index // 2
            body.append(_entry(LEFT + 12 + column * COLUMN, y + 24 + row * LINE,
                               people[participant_id]))
        body.append("</g>")
        y += 24 + ((len(unplaced) + 1) // 2) * LINE
    legend = [("city", t("report.legend_city", language)),
              ("internal", t("report.legend_internal", language)),
              ("both", t("report.legend_both", language))]
    body.append('<g class="legend" font-size="11">')
    for index, (key, label) in enumerate(legend):
        x = LEFT + 12 + index * 230
        body.append(_marker(x, y + 14, {"number": "", "orientation": {"key": key}}))
        body.append(f'<text x="{x + 14}" y="{y + 18}">{esc(label)}</text>')
    body.append("</g>")
    height = y + 36
    title = esc(t("report.nsob_map", language))
    return (f'<svg class="nsob-map" role="img" '
            f'viewBox="0 0 {WIDTH} {height:.0f}" width="100%" '
            f'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, Arial, sans-serif" '
            f'aria-labelledby="nsob-map-title"><title id="nsob-map-title">{title}</title>'
            + "".join(body) + "</svg>")


def render_spread(summary: Mapping[str, Any], language: str) -> str:
    """Small multiples for the overview: per session the four corners with their counts."""
    order = summary["quadrants"]["order"]
    dates = {s["id"]: s["date"] for s in summary["sessions"]}
    rows = summary["quadrants"]["per_session"]
    cell_w, cell_h, gap = 64, 40, 22
    box_w = 2 * cell_w
    per_line = max(1, (WIDTH - 20) // (box_w + gap))
    lines = (len(rows) + per_line - 1) // per_line
    height = lines * (2 * cell_h + 46) + 10
    fills = {(0, 0): "#eef3f8", (0, 1): "#eef7f1", (1, 0): "#f7f2ea", (1, 1): "#f6eef6"}
    body = []
    for index, row in enumerate(rows):
        x0 = 10 + (index % per_line) * (box_w + gap)
        y0 = 10 + (index // per_line) * (2 * cell_h + 46)
        body.append(f'<g class="spread" data-session="{esc(row["id"])}">')
        for q in order:
            x = x0 + q["column"] * cell_w
            y = y0 + q["row"] * cell_h
            count = row["counts"][q["key"]]
            change = (row["change"] or {}).get(q["key"], 0)
            mark = f" ({change:+d})" if change else ""
            body.append(f'<rect x="{x}" y="{y}" width="{cell_w}" height="{cell_h}" '
                        f'fill="{fills[(q["row"], q["column"])]}" stroke="#555555"/>'
                        f'<text x="{x + cell_w // 2}" y="{y + 25}" text-anchor="middle" '
                        f'font-size="{15 if count else 12}" font-weight="bold">'
                        f'<title>{esc(q["label"])}</title>{count}'
                        f'<tspan font-size="10" font-weight="normal">{esc(mark)}</tspan>'
                        "</text>")
        body.append(f'<text x="{x0 + cell_w}" y="{y0 + 2 * cell_h + 16}" text-anchor="middle" '
                    f'font-size="11">{esc(dates.get(row["id"], row["id"]))}</text></g>')
    legend = ", ".join(
        f"{'↖↗↙↘'[q['row'] * 2 + q['column']]} {q['label']}"
        for q in sorted(order, key=lambda q: (q["row"], q["column"])))
    title = esc(t("report.quadrant_spread", language))
    return (f'<svg class="spread-map" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
            f'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, Arial, sans-serif" '
            f'aria-label="{title}: {esc(legend)}"><title>{title}</title>'
            + "".join(body) + "</svg>")
