"""The publication-mode corpus: hundreds of generated session files with names everywhere,
hand-written hard cases for every class of leak and false alarm, and ordinary Dutch
sentences that must pass unchanged.

For every file and every format (text, Markdown, HTML, JSON) and for the overview of all
of them: no planted name, e-mail address, phone number or health reason survives; a file
that plants a name nobody declared, or a health reason, is refused. The leak check is the
test's own (folded text search for what it planted), not the code's.

    python tests/test_privacy_corpus.py     # prints the table of docs/privacy.md
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from anyascii import anyascii
from faker import Faker

from evaltool.session import store
from evaltool.session.models import validate_session

HERE = Path(__file__).resolve().parent
SENTENCES = [line.strip() for line in
             (HERE / "data" / "ordinary_sentences.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
FORMATS = ("text", "markdown", "html", "json")
CORPUS_SIZE = 300
SEED = 20210128

# Names as people write them. nl_NL most often; the others as Dutch residents' names are.
LOCALES = ["nl_NL"] * 6 + ["nl_BE", "tr_TR", "pl_PL", "de_DE", "id_ID", "fr_FR"]
LABELS = ["de wethouder Onderwijs", "de schooldirecteur", "een buurtbewoner",
          "de voorzitter van de ouderraad", "de aannemer", "een medewerker van de provincie"]
FUNCTIONS = ["Projectleider Onderwijshuisvesting", "Beleidsadviseur Energie",
             "Subsidieadviseur", "Programmeur Onderwijshuisvesting", "Wijkregisseur",
             "Partner in Publiek Ondernemen", "Gebiedsmakelaar", "Teamleider Vastgoed"]
# Sentences in which a mention {m} of someone is put; some start with it.
AROUND = [
    "Volgens {m} was het draagvlak groot.", "Het idee kwam van {m}, dat werkte goed.",
    "{m} vond dat de planning beter kon.", "We spraken met {m} over de financiering.",
    "De rol van {m} veranderde tijdens het project.", "{m} zei dat het schoolbestuur meebetaalde.",
    "Na overleg met {m} is de aanvraag ingediend.", "Dank aan {m} voor de inzet.",
]
# Given names common in the Netherlands, for the names nobody declared (the test's own list).
COMMON_GIVEN = ["Jan", "Piet", "Kees", "Anne", "Sanne", "Fatima", "Mohammed", "Emma", "Daan",
                "Lotte", "Joost", "Marieke", "Willem", "Femke", "Sven", "Ayşe", "Yusuf"]
REASONS = ["een burn-out", "ziekte", "haar zwangerschapsverlof", "de begrafenis van zijn vader",
           "de ramadan", "privéomstandigheden", "een operatie"]


@dataclass
class Planted:
    """One generated session file: what it plants, and what must happen to it."""

    data: dict[str, Any]
    secrets: list[str] = field(default_factory=list)  # must never reach an output
    refuse: str = ""  # the class of problem that must make it refused, if any
    kind: str = "names"


def _fold(text: str) -> str:
    return " ".join(anyascii(unicodedata.normalize("NFC", text)).casefold().split())


def _person(faker: Faker, rng: random.Random) -> tuple[str, list[str], list[str]]:
    """A name field as someone typed it, the mentions a reporter writes, and the parts that
    must never be published (the test's own reading of the name, not evaltool's)."""
    given = faker.first_name().split()[0]
    surname = faker.last_name()
    words = surname.split()
    particles = [w for w in words[:-1] if w[:1].islower() or w in ("De", "Van", "Ten")]
    core = words[-1]
    if len(core) < 3 or not core.isalpha() or core[0].islower():  # Faker has "van" alone
        core = "Tangelaar"
    particle = " ".join(particles)
    tussen = f"{particle} " if particle else ""
    style = rng.choice(["plain", "plain", "surname first", "capitals", "nickname", "initials"])
    nickname = faker.first_name().split()[0] if style == "nickname" else ""
    field = {
        "plain": f"{given} {tussen}{core}",
        "surname first": f"{core}, {given} {particle}".strip(),
        "capitals": f"{given} {tussen}{core}".upper(),
        "nickname": f"{given} ({nickname}) {tussen}{core}",
        "initials": f"{given[0]}. {tussen}{core}",
    }[style]
    cap_tussen = tussen[:1].upper() + tussen[1:]
    surname_form = f"{cap_tussen}{core}" if particle else core
    mentions = [f"{given[0]}. {tussen}{core}", f"{tussen}{core}, {given[0]}.".strip(),
                surname_form, f"mevrouw {surname_form}"]
    if style != "initials":
        mentions += [f"{given} {tussen}{core}", f"{given} {tussen}{core}".upper(), given,
                     f"{given}’s collega", unicodedata.normalize("NFD", f"{given} {tussen}{core}")]
        if len(core) >= 6 and core.isascii():
            mentions.append(f"{given} {tussen}{core[:3]}-\n{core[3:]}")
    if nickname:
        mentions.append(nickname)
    secrets = [f"{given} {tussen}{core}", f"{given[0]}. {tussen}{core}"]
    if style != "initials":
        secrets.append(given)
    if nickname:
        secrets.append(nickname)
    if particle:
        secrets.append(f"{particle} {core}")
    else:
        secrets.append(core)
    return field, mentions, secrets


def _contact(rng: random.Random, given: str) -> tuple[str, str]:
    local = re.sub(r"[^a-z]", "", _fold(given)) or "info"
    email = rng.choice([f"{local}.{rng.randint(1, 99)}@delft.nl", f"{local}@gemeente",
                        f"{local}(at)school.nl"])
    digits = f"{rng.randint(10, 99)}{rng.randint(100000, 999999)}"
    phone = rng.choice([f"06-{digits}", f"06\u2011{digits}", f"06 - {digits[:2]} {digits[2:4]} "
                        f"{digits[4:6]} {digits[6:]}", f"+31 6 {digits}", f"015\u2013{digits[1:]}",
                        f"(015) {digits[:3]} {digits[3:7]}"])
    return email, phone


def generate(number: int) -> Planted:
    rng = random.Random(SEED + number)
    faker = Faker(rng.choice(LOCALES))
    faker.seed_instance(SEED + number)
    participants: dict[str, Any] = {}
    people: dict[str, Any] = {}
    mentions: list[str] = []
    secrets: list[str] = []
    for index in range(rng.randint(3, 6)):
        name, said, hidden = _person(faker, rng)
        participants[f"deelnemer-{index + 1}"] = {
            "name": name, "function": FUNCTIONS[index % len(FUNCTIONS)]}
        mentions += rng.sample(said, min(len(said), 3))
        secrets += hidden
    people_written = []
    for index in range(rng.randint(1, 2)):
        other = Faker(rng.choice(LOCALES))
        other.seed_instance(SEED + 100_000 + number * 10 + index)
        name, said, hidden = _person(other, rng)
        people_written.append(hidden[1])  # as "P. de Vries"
        people[f"persoon-{index + 1}"] = {"name": name, "label": LABELS[index]}
        mentions += rng.sample(said, min(len(said), 3))
        secrets += hidden
    email, phone = _contact(rng, mentions[0])
    secrets += [email, phone]
    texts = [rng.choice(AROUND).format(m=m) for m in mentions]
    texts.append(f"Mail {email} of bel {phone} voor de stukken.")
    planted = Planted({}, secrets)
    refusal = ""
    kind = rng.random()
    if kind < 0.2:  # a name nobody declared, in a form publication mode promises to find
        surname = rng.choice(["Bakker", "Visser", "Mulder", "Dekker", "Brouwer", "Kok",
                              "Vermeulen", "Dijkstra", "Kuipers", "Hoekstra"])
        given = rng.choice(COMMON_GIVEN)
        form = rng.choice([f"wethouder {surname}", f"mevrouw {surname}", f"dhr. {surname}",
                           f"{given[0]}. {surname}", f"{given} {surname}", given,
                           f"{given} van der {surname}", f"ten {surname}"])
        refusal = f"Ook {form} was bij het gesprek."
        planted.secrets.append(form)
        planted.refuse, planted.kind = "likely_name", "undeclared"
    elif kind < 0.3:  # a special category next to a person or an absence
        refusal = f"De {FUNCTIONS[0].lower()} was afwezig vanwege {rng.choice(REASONS)}."
        planted.refuse, planted.kind = "special_category", "special"
    rng.shuffle(texts)
    places = _spread(texts, rng)
    if refusal:
        places["findings"].append(refusal)
    title = places.pop("title", None)
    planted.data = {
        "schema_version": 2, "id": f"2021-01-{number:05d}", "status": "final",
        "casus": {"title": f"Casus {number}" + (f": {title}" if title else ""),
                  "date": "2021-01-28", "organisation": "Gemeente Delft",
                  "learning_route": "Excellent Faciliteren",
                  "description": places.pop("description", None),
                  "plan": places.pop("plan", None), "realised": places.pop("realised", None),
                  "sdgs": [{"goal": 4, "note": places.pop("sdg", None)}]},
        "participants": participants, "people": people,
        "findings": {f"f{n}": {"kind": rng.choice(["success_factor", "yield",
                                                   "learning_point", "attention_point"]),
                               "text": text, "tags": ["samenwerking"]}
                     for n, text in enumerate(places.pop("findings", []), start=1)},
        "follow_ups": {f"fu-{n}": {"question": text, "owner": rng.choice(
            [None, "deelnemer-1", "persoon-1", *(m for m in mentions[-2:] if "\n" not in m)])}
            for n, text in enumerate(places.pop("follow_ups", []), start=1)},
        "reflection": places.pop("reflection", None),
    }
    if people and rng.random() < 0.5:  # a function that names someone else
        first = next(iter(participants.values()))
        first["function"] = f"Secretaris van wethouder {people_written[0]}"
    return planted


def _spread(texts: list[str], rng: random.Random) -> dict[str, Any]:
    """Puts the texts in every kind of place a name is written."""
    places: dict[str, Any] = {"findings": [], "follow_ups": []}
    singles = ["title", "description", "plan", "realised", "sdg", "reflection"]
    for text in texts:
        slot = rng.choice([*singles, "findings", "findings", "follow_ups"])
        if slot == "title" and "title" in places:
            slot = "findings"
        if slot in ("findings", "follow_ups"):
            places[slot].append(text)
        elif slot == "title" and "title" not in places:
            places["title"] = text.replace("-\n", "")  # one line
        else:
            places[slot] = (places.get(slot, "") + " " + text).strip()
    if not places["findings"]:
        places["findings"].append("Samenwerking werkte.")
    return places


def _file(planted: Planted, folder: Path, number: int) -> Path:
    session = validate_session({k: v for k, v in planted.data.items() if v is not None})
    path = folder / f"2021-01-{number:05d}.yaml"
    path.write_text(store.dump_session(session), encoding="utf-8")
    return path


def publish_all(path: Path) -> dict[str, str]:
    """Every public output of one file, as `summarize --public` makes and checks them."""
    from evaltool.report.privacy import Guard
    from evaltool.report.reading import summarize_file
    from evaltool.report.render.html import render as html
    from evaltool.report.render.json import render as as_json
    from evaltool.report.render.markdown import render as markdown
    from evaltool.report.render.text import render_to_string

    guard = Guard()
    summary = summarize_file(path, "nl", public=True, names=False, route=None, guard=guard)
    outputs = {"text": render_to_string(summary, 100), "markdown": markdown(summary),
               "html": html(summary), "json": as_json(summary)}
    for output_format, text in outputs.items():
        guard.check(text, output_format)
    return outputs


@cache
def _plain_words() -> frozenset[str]:
    """Words that may be in a report whatever the names: evaltool's own, and the corpus's."""
    from evaltool.i18n import every_text
    from evaltool.session.vocabulary import load_vocabulary

    words: set[str] = set()
    for text in every_text():
        words |= set(re.findall(r"[a-z]+", _fold(text)))
    words |= set(re.findall(r"[a-z]+", _fold(load_vocabulary().model_dump_json())))
    for text in [*AROUND, *LABELS, *FUNCTIONS, "Casus Gemeente Delft Excellent Faciliteren",
                 "Mail of bel voor de stukken. Samenwerking werkte. Secretaris van wethouder"]:
        words |= set(re.findall(r"[a-z]+", _fold(text)))
    return frozenset(words)


def leaks(output: str, secrets: list[str]) -> list[str]:
    """The planted secrets found in an output: whole (a one-word secret that is also a word
    of the report itself, only as written), or a name part of 4+ letters that is no word
    of the report itself (in HTML, outside its style sheet)."""
    folded = _fold(re.sub(r"<style>.*?</style>", "", output, flags=re.S))
    found = []
    for secret in secrets:
        whole = _fold(secret.replace("-\n", ""))
        if whole and re.search(rf"(?<![a-z]){re.escape(whole)}(?![a-z])", folded) and (
                # A surname that is also a word of the report itself ("Lijn": "een lijn")
                # leaks only where it stands as written.
                whole not in _plain_words()
                or re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", output)):
            found.append(secret)
            continue
        digits = re.sub(r"\D", "", secret)
        if len(digits) >= 8 and digits[-6:] in re.sub(r"\D", "", folded):
            found.append(secret)
            continue
        for part in re.findall(r"[a-z]{4,}", whole):
            if part not in _plain_words() and re.search(rf"(?<![a-z]){part}(?![a-z])", folded):
                found.append(f"{secret} ({part})")
    return found


@dataclass
class Table:
    files: int = 0
    outputs: int = 0
    leaks: list[str] = field(default_factory=list)
    refused_rightly: Counter[str] = field(default_factory=Counter)
    false_refusals: list[str] = field(default_factory=list)
    missed_refusals: list[str] = field(default_factory=list)


def run_corpus(folder: Path, size: int = CORPUS_SIZE) -> tuple[Table, list[Path]]:
    from evaltool.report.privacy import PublicationRefusedError

    table = Table()
    publishable = []
    for number in range(size):
        planted = generate(number)
        path = _file(planted, folder, number)
        table.files += 1
        try:
            outputs = publish_all(path)
        except PublicationRefusedError as error:
            keys = {problem.key.split(".")[-1] for problem in error.problems}
            if planted.refuse and planted.refuse in keys:
                table.refused_rightly[planted.kind] += 1
            else:
                table.false_refusals.append(f"{path.name}: {error.lines()[:2]}")
            continue
        if planted.refuse:
            table.missed_refusals.append(path.name)
        for output_format, text in outputs.items():
            table.outputs += 1
            table.leaks += [f"{path.name} {output_format}: {leak}"
                            for leak in leaks(text, planted.secrets)]
        publishable.append(path)
    return table, publishable


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Table, list[Path]]:
    return run_corpus(tmp_path_factory.mktemp("corpus"))


def test_no_planted_name_address_phone_or_reason_gets_out(corpus: tuple[Table, list[Path]]
                                                          ) -> None:
    table, publishable = corpus
    assert table.files == CORPUS_SIZE
    assert table.leaks == []
    assert table.missed_refusals == []  # a name nobody declared, or a health reason
    assert table.refused_rightly["undeclared"] >= 30 and table.refused_rightly["special"] >= 15
    # Names everywhere, and still published: a refusal is a failure too.
    assert table.false_refusals == [], table.false_refusals[:5]
    assert table.outputs == 4 * len(publishable) >= 4 * 150


def test_the_overview_of_the_corpus_leaks_nothing(corpus: tuple[Table, list[Path]],
                                                  tmp_path: Path) -> None:
    from evaltool.report.privacy import Guard
    from evaltool.report.reading import summarize_many
    from evaltool.report.render.html import render as html
    from evaltool.report.render.markdown import render as markdown

    _, publishable = corpus
    folder = tmp_path / "route"
    folder.mkdir()
    secrets = []
    for path in publishable:
        (folder / path.name).write_bytes(path.read_bytes())
        secrets += generate(int(path.stem.rsplit("-", 1)[1])).secrets
    guard = Guard()
    summary, left_out = summarize_many([folder], "nl", public=True, route=None, guard=guard)
    assert left_out == []
    for output_format, text in (("markdown", markdown(summary)), ("html", html(summary))):
        guard.check(text, output_format)
        assert leaks(text, secrets) == []


# --- the hard cases, one or more per class of the issue ---------------------------------------

# (name field, text, what happens: "publish" or the refusal's rule)
HARD_CASES = [
    ("Johannes (Hans) de Vries", "Hans belde, en Johannes de Vries ook.", "publish"),
    ('Jan "Jip" Jansen', "Volgens Jip ging het goed.", "publish"),
    ("Ayşe Yılmaz", "Ayse Yilmaz en AYŞE YILMAZ spraken.", "publish"),
    ("Łukasz Wiśniewski", "Lukasz Wisniewski en Łukasz spraken.", "publish"),
    ("Kees van 't Hof", "Kees van ’t Hof en Van ’t Hof kwamen.", "publish"),
    ("Renée Jansen-de Vries", "Renée Jansen-\nde Vries en Jan-\nsen schreven het.", "publish"),
    ("Anne de Vries", "#AnneDeVries en AnneDeVries stonden op de poster.", "publish"),
    ("Anne de Vries", "Bel 06\u201112345678 of 06 - 12 34 56 78 of 015\u20132602222.", "publish"),
    ("Anne de Vries", "Mail anne.devries@gemeente of anne(at)delft.nl.", "publish"),
    ("Vries, Anne de", "De gemeente en de school van de wijk deden mee.", "publish"),
    ("Dam, J.P. van", "J.P. van Dam en Van Dam werkten aan de dam.", "publish"),
    ("VAN DAM, Jan", "Jan van Dam keek naar de dam in de rivier.", "publish"),
    ("Tom van Delft", "Gemeente Delft en Tom van Delft waren er.", "publish"),
    ("Jet van de Wal", "Volgens JET VAN DE WAL ging het goed.", "publish"),
    ("Kees Groot", "Een groot succes. Groot zei het. Met Groot erbij.", "publish"),
    ("Kees van der Meer", "Meer geld is nodig; van der Meer zei het ook.", "publish"),
    ("Kees Bakker", "Bewoners van de Tanthof en de wethouder Groen kwamen.", "publish"),
    ("Kees van der Berg", "Joost van der Berg belde.", "likely_name"),
    ("Kees Bakker", "De familie Öztürk plantte de eerste bomen.", "likely_name"),
    ("Kees van der Berg", "Ook #TeamMohammed was er.", "likely_name"),
    ("Kees Bakker", "Wethouder Dijkstra opende het plein.", "likely_name"),
    ("Kees Bakker", "De projectleider was afwezig vanwege een burn-out.", "special_category"),
    ("Kees Bakker", "Kees kon niet komen door de begrafenis van zijn moeder.",
     "special_category"),
]


@pytest.mark.parametrize(("name", "text", "outcome"), HARD_CASES)
def test_hard_cases(tmp_path: Path, name: str, text: str, outcome: str) -> None:
    from evaltool.report.privacy import PublicationRefusedError

    planted = Planted({
        "schema_version": 2, "id": "2021-01-28-hard", "status": "final",
        "casus": {"title": "Casus", "date": "2021-01-28"},
        "participants": {"p": {"name": name, "function": "Adviseur"}},
        "findings": {"f": {"kind": "yield", "text": text}},
    })
    path = _file(planted, tmp_path, 1)
    if outcome != "publish":
        with pytest.raises(PublicationRefusedError) as refused:
            publish_all(path)
        assert outcome in {p.key.split(".")[-1] for p in refused.value.problems}
        return
    outputs = publish_all(path)
    secret_parts = [w for w in re.findall(r"[A-Za-zÀ-žı]+", name) if len(w) > 3
                    and _fold(w) not in ("vries", "groot", "meer", "berg", "delft")]
    for output_format, output in outputs.items():
        assert leaks(output, [name, *secret_parts]) == [], (output_format, output)
        assert "12345678" not in output and "2602222" not in output
        assert "@gemeente" not in output and "(at)" not in output


# --- ordinary Dutch sentences: never refused, never changed --------------------------------

# Participants whose names are ordinary Dutch words, or hold them.
WORDY = ["Kees Groot", "Anne de Jong", "Piet van der Meer", "Jan Bakker", "Els de Wit",
         "Sanne Koning", "Mark Bos", "Roos Visser", "Tom van Delft", "Joop Groen", "Henk Hek",
         "Wim de Vos", "Ria Berg", "Gerrit van Dijk", "Lotte Brouwer", "Daan Kok", "Eva Post",
         "Bas Prins", "Iris de Haan", "Ton de Lange", "Ineke de Graaf", "Fleur de Boer",
         "Job Maas", "Frans Linden", "Ben Beek", "Noor Hoek", "Wil Veen", "Kim de Bruin",
         "Rik Wolf", "Floor Storm", "Bram Kuiper", "Ad Molenaar", "Hans Visser-Bakker"]


def ordinary_sentences_result() -> tuple[int, list[str], list[str]]:
    """(sentences, refused, changed) for the ordinary sentences in one session."""
    from evaltool.report.privacy import publish, session_problems

    session = validate_session({
        "schema_version": 2, "id": "gewoon", "status": "final",
        "casus": {"title": "Gewone zinnen", "date": "2021-01-28"},
        "participants": {f"p{n}": {"name": name, "function": "Adviseur"}
                         for n, name in enumerate(WORDY)},
        "findings": {f"f{n}": {"kind": "yield", "text": sentence}
                     for n, sentence in enumerate(SENTENCES)},
    })
    public, _, scrubber = publish(session)
    problems = session_problems(public, scrubber)
    refused = sorted({SENTENCES[int(str(place[1])[1:])] for place, *_ in problems
                      if place[0] == "findings"})
    changed = [s for n, s in enumerate(SENTENCES) if public.findings[f"f{n}"].text != s]
    return len(SENTENCES), refused, changed


def test_ordinary_sentences_with_surname_words_are_never_refused_or_changed() -> None:
    parts = {w for name in WORDY for w in _fold(name).replace("-", " ").split()} - {
        "de", "van", "der"}
    # The list is honest: every sentence holds a participant's name part, as it is
    # ("groot"), or inflected or in a compound that starts like it ("grote", "graafwerk").
    for sentence in SENTENCES:
        assert any(word == part or word.startswith(part) or (
            len(part) >= 4 and word[:3] == part[:3])
            for word in re.findall(r"[a-z]+", _fold(sentence)) for part in parts), sentence
    total, refused, changed = ordinary_sentences_result()
    assert total >= 200
    assert (len(refused) + len(changed)) / total <= 0.01, (refused, changed)
    assert refused == [] and changed == []  # the target


def not_caught(count: int = 200) -> dict[str, tuple[int, int]]:
    """What publication mode promises not to find, measured: (found, planted) per class of
    undeclared name written without a cue."""
    from evaltool.report.privacy import Scrubber

    scrubber = Scrubber([])
    results = {}
    for label, locale, make in (
            ("a given name from outside the bundled list, alone", "en_GB",
             lambda f: f.first_name()),
            ("a given name from outside the bundled list, with a surname", "es_ES",
             lambda f: f"{f.first_name()} {f.last_name()}"),
            ("a surname alone, without title, initials or given name", "nl_NL",
             lambda f: f.last_name().split()[-1])):
        faker = Faker(locale)
        faker.seed_instance(SEED)
        found = sum(bool(scrubber.problems(f"Ook {make(faker)} was bij het gesprek."))
                    for _ in range(count))
        results[label] = (found, count)
    return results


if __name__ == "__main__":  # docs/privacy.md's table; CORPUS_SEED, CORPUS_SIZE for other corpora
    import os
    import tempfile

    SEED = int(os.environ.get("CORPUS_SEED", SEED))
    with tempfile.TemporaryDirectory() as folder:
        table, publishable = run_corpus(Path(folder), int(os.environ.get("CORPUS_SIZE",
                                                                         CORPUS_SIZE)))
    total, refused, changed = ordinary_sentences_result()
    print(f"files {table.files}, published {len(publishable)}, outputs {table.outputs}")
    print(f"leaks {len(table.leaks)}: {table.leaks[:5]}")
    print(f"refused rightly {dict(table.refused_rightly)}, missed {table.missed_refusals}")
    print(f"false refusals {len(table.false_refusals)}: {table.false_refusals[:5]}")
    print(f"ordinary sentences {total}: refused {len(refused)} {refused[:5]}, "
          f"changed {len(changed)} {changed[:5]}")
    for label, (found, planted) in not_caught().items():
        print(f"not promised: {label}: found {found} of {planted}")
