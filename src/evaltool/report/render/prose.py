"""Running text in the reader's language: people by function with their article, lists
joined with "en"/"and", ordinals and dates in words, as the seed's newsletter writes them.

Grammar is a property of the language, not of a municipality's vocabulary. The patterns
are catalog texts, so a new language brings its own: how a list is joined (CLDR's list
patterns: two items, and the middle and end of a longer list), how a date is written, the
month names and ordinals, a function with its article. Only what no pattern can say is
code: Dutch "de" or "het" by the head of the noun, English "1st", "22nd".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from evaltool.i18n import t
from evaltool.report.contract import Participant

# Dutch nouns for people that take "het": the head of a compound decides ("bestuurslid",
# "afdelingshoofd"), and every diminutive ("-je") is a het-word.
_HET_ENDINGS = ("lid", "hoofd", "kind", "je")
# A word written with one capital and then lower-case letters only: a common noun at the
# start of a typed function ("Projectleider"), which is lower-case in running text.
_CAPITALISED_WORD = re.compile(r"[^\W\d_][^\W\d_A-ZÀ-ÖØ-Þ]*(?:-[^\W\d_A-ZÀ-ÖØ-Þ]+)*")


def in_running_text(label: str) -> str:
    """"Projectleider Onderwijshuisvesting" → "projectleider Onderwijshuisvesting": the first
    word lower-case when it is an ordinary capitalised word; acronyms and words with
    capitals inside ("GGD-arts", "ICT'er") and everything after it stay as typed."""
    first, _, rest = label.partition(" ")
    if len(first) > 1 and first[0].isupper() and _CAPITALISED_WORD.fullmatch(first):
        first = first[0].lower() + first[1:]
    return f"{first} {rest}" if rest else first


def base_language(language: str) -> str:
    """"nl_BE" → "nl": the language whose grammar a regional one shares."""
    return language.partition("_")[0]


def with_article(label: str, language: str) -> str:
    """A function or perspective in running text with its definite article:
    "de projectleider Onderwijshuisvesting", "het bestuurslid", "the adviser"."""
    text = in_running_text(label)
    if base_language(language) != "nl":
        return t("report.with_article", language, label=text)
    head = re.split(r"[\s(]", text, maxsplit=1)[0].casefold()
    return f"{'het' if head.endswith(_HET_ENDINGS) else 'de'} {text}"


def sentence_start(text: str) -> str:
    """The first letter upper-case, as at the start of a sentence."""
    return text[:1].upper() + text[1:]


def person(participant: Participant, language: str) -> str:
    """How a participant is named in running text: "de projectleider Onderwijshuisvesting";
    with a letter when two share a function ("de adviseur A"); with names shown,
    "Jan Jansen (projectleider Onderwijshuisvesting)"."""
    function = participant["function"]
    label = participant["label"]
    if participant["name"]:
        return f"{participant['name']} ({in_running_text(function)})"
    if label != function and label.startswith(function + " "):
        return with_article(function, language) + label[len(function):]
    return with_article(label, language)


def joined(items: Sequence[str], language: str) -> str:
    """"a, b en c" / "a, b and c", by the language's list patterns."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return t("report.list_two", language, first=items[0], second=items[1])
    text = t("report.list_end", language, first=items[-2], last=items[-1])
    for item in reversed(items[:-2]):
        text = t("report.list_middle", language, first=item, rest=text)
    return text


def long_date(iso: str, language: str) -> str:
    """2021-01-28 → "28 januari 2021" / "28 January 2021"."""
    year, month, day = (int(part) for part in iso.split("-"))
    months = t("report.months", language).split(",")
    return t("report.long_date", language, day=day, month=months[month - 1].strip(),
             year=year)


def ordinal(number: int, language: str) -> str:
    """1 → "eerste" / "first" (in words up to twenty), then "21e" / "21st"."""
    words = t("report.ordinals", language).split(",")
    if 1 <= number <= len(words):
        return words[number - 1].strip()
    if base_language(language) == "en":
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
            number % 10, "th")
        return f"{number}{suffix}"
    return t("report.ordinal_number", language, number=number)


def full_stop(text: str) -> str:
    """A typed note as a sentence in running text: ending in a full stop if it has no mark."""
    text = text.rstrip()
    return text if not text or text[-1] in ".!?…:;" else text + "."
