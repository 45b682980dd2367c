"""Turning summary data (from `evaltool.summary`) into text, Markdown, HTML, SVG and JSON.

Renderers compute nothing: they lay out what the summary holds. Every piece of user
text passes through `evaltool.render.safe` on its way out.
"""

from collections.abc import Callable, Mapping
from typing import Any

from evaltool.i18n import t


def report_text(key: str, language: str, **params: object) -> str:
    """One of the report's texts (`report.<key>`) in the reader's language."""
    return t(f"report.{key}", language, **params)


def count_of(item: Mapping[str, Any]) -> int:
    """In how many sessions a tag, phrase or SDG came back (`sessions` lists the latest)."""
    return int(item.get("count", len(item["sessions"])))


def omitted(summary: Mapping[str, Any], what: str) -> int:
    """How many sessions or follow-up threads a long route's overview does not list."""
    return int(summary.get("omitted", {}).get(what, 0))


def long_date(iso: str, language: str) -> str:
    """2021-01-28 → "28 januari 2021" / "28 January 2021"."""
    year, month, day = (int(part) for part in iso.split("-"))
    months = t("report.months", language).split(",")
    return f"{day} {months[month - 1]} {year}"


def joined(items: list[str], language: str) -> str:
    """"a, b and c" in the reader's language."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('report.and', language)} " + items[-1]


def opening(summary: Mapping[str, Any], language: str, escape: Callable[[str], str]) -> str:
    """The report's first sentences, as the seed's: when the meeting was, who was there,
    who could not come, who wrote the report; people by their label, escaped by `escape`."""
    people = summary["participants"]

    def labels(keep: Callable[[Mapping[str, Any]], bool]) -> str:
        return joined([escape(p["label"]) for p in people if keep(p)], language)

    text = t("report.md_intro", language, date=long_date(summary["session"]["date"], language))
    for key, keep in (
        ("md_present", lambda p: p["attendance"]["key"] != "absent"),
        ("md_absent", lambda p: p["attendance"]["key"] == "absent"),
        ("md_reporter", lambda p: p["session_role"]["key"] == "listener_reporter"),
    ):
        if named := labels(keep):
            text += " " + t(f"report.{key}", language, people=named)
    return text


def thread_groups(summary: Mapping[str, Any]) -> list[tuple[str, list[Any], int]]:
    """The route's follow-up threads still open and closed: (heading key, items, not listed)."""
    items = summary["follow_ups"]["items"]
    return [
        ("still_open", [i for i in items if not i["closed_on"]],
         omitted(summary, "open_follow_ups")),
        ("closed", [i for i in items if i["closed_on"]], omitted(summary, "closed_follow_ups")),
    ]


def thread_details(item: Mapping[str, Any], language: str,
                   escape: Callable[[str], str]) -> str:
    """When a follow-up thread was opened, continued and closed (or how long it is open)."""
    details = [t("report.opened_on", language, date=long_date(item["opened_on"], language))]
    if continued := [h for h in item["history"] if h["session"] != item["closed_in"]]:
        when = ", ".join(long_date(h["date"], language) for h in continued)
        details.append(t("report.continued_on", language, dates=when))
    if item["closed_on"]:
        details.append(t("report.closed_on", language,
                         date=long_date(item["closed_on"], language),
                         status=escape(item["status"]["label"]), days=item["age_days"]))
    else:
        details.append(t("report.open_for", language, days=item["age_days"]))
    if item["owner"]:
        details.append(t("report.owner_is", language, owner=escape(item["owner"])))
    return "; ".join(details)
