"""Dutch names: how people write them, how a name field is parsed, and the word lists for it.

Everything is compared in a folded form (`evaltool.i18n.folding.fold_ascii`: transliterated
to ASCII by anyascii, case-folded), so "Öztürk", "Oztürk" and "OZTURK", a dotless ı and a
Polish Ł, composed and decomposed accents, zero-width characters and typographic apostrophes
all compare alike. Free text is searched in its `Shadow`: the same text folded per
character, with words broken across a line ("Jan-\\nsen") joined and names glued together
("AnneDeVries", "#TeamMohammed") split, that remembers where each character came from.

The rules and lists are data, in `templates/privacy/` (see SOURCES.md there): particles
(tussenvoegsels) and their abbreviations, titles, special categories (`nl.yaml`), given
names and surnames common in the Netherlands and Flanders, and the ordinary Dutch words of
the OpenTaal word list (a surname such as "Groot" or "Meer" is also an ordinary word, and is
then only taken for a name where it stands as one).
"""

from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from evaltool.fs import resources
from evaltool.i18n.folding import ascii_char, fold_ascii
from evaltool.i18n.labels import Words
from evaltool.session.loading import load_model
from evaltool.session.values import Version

Word = Annotated[str, StringConstraints(min_length=1, max_length=60)]


class Category(BaseModel):
    """A special category of personal data (AVG art. 9) and the words that reveal it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Words
    words: list[Word]


class NameRules(BaseModel):
    """`templates/privacy/nl.yaml`: what the comments there say."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_version: Version
    particles: list[Word]
    particle_abbreviations: dict[Word, list[Word]]
    name_particles: list[Word]
    courtesy_titles: list[Word]
    function_titles: list[Word]
    portfolios: list[Word] = []
    person_verbs: list[Word]
    label_nouns: list[Word]
    institutions: list[Word]
    not_names: list[Word] = []
    language_words: list[Word] = []
    person_words: list[Word]
    absence_words: list[Word]
    special_categories: dict[Word, Category]


def mask(text: str) -> str:
    """A word or name shown without giving it away: its first and last letter ("J…s")."""
    letters = [ch for ch in text if ch.isalnum()]
    if len(letters) <= 2:
        return "…"
    return f"{letters[0]}…{letters[-1]}"


# --- the shadow of a text: folded, and mapped back to the original -------------------------

_HYPHENATED = re.compile(r"(?<=[A-Za-z])-\n[ \t]*(?=([a-z']+)(\s+[A-Z])?)")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LONG_TOKEN = re.compile(r"[A-Za-z]{6,}")


@dataclass
class Shadow:
    """A text folded character by character (case kept) with, per character, where it was.

    `origin[i]` is the index in the original text of shadow character `i`; `None` when the
    shadow is the text itself.
    """

    text: str
    original: str
    origin: list[int] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span for the shadow's `start:end`, with anything the shadow
        dropped inside or right after it (accents, invisible characters, a line break)."""
        if self.origin is None:
            return start, end
        first = self.origin[start] if start < len(self.origin) else len(self.original)
        last = self.origin[end] if end < len(self.origin) else len(self.original)
        return first, last


@functools.cache
def _one_letter(char: str) -> str | None:
    """The one ASCII character `char` folds to, or None when it folds to none or several."""
    folded = ascii_char(char)
    return folded if len(folded) == 1 else None


def _simple(text: str) -> bool:
    """Whether an ASCII text needs no joining or splitting of words in its shadow."""
    return "-\n" not in text and not (_GLUED.search(text) and any(
        _GLUED.search(t.group()) for t in _LONG_TOKEN.finditer(text)))


def shadow(text: str) -> Shadow:
    """The shadow of `text` (see `Shadow`); a particle after a hyphen at the end of a line
    keeps the hyphen (a double name: "Jansen-\\nde Vries"), other words are joined."""
    if not text.isascii():
        # Most letters fold to one letter ("é", "ı", "Ł"): then the shadow is the same text,
        # position for position, made by str.translate (the slow path keeps a map).
        table = {ord(ch): _one_letter(ch) for ch in set(text) if not ch.isascii()}
        if None not in table.values():
            same = text.translate(table)
            if _simple(same):
                return Shadow(same, text, None)
    elif _simple(text):
        return Shadow(text, text, None)
    particles = lists().particle_words
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = char if char.isascii() else ascii_char(char)
        for piece in folded:
            chars.append(piece)
            origin.append(index)
    folded_text = "".join(chars)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the folded text
    for match in _HYPHENATED.finditer(folded_text):
        # "Jansen-\nde Vries" is a double name; "Kos-\nter over" is one word, broken
        keep_hyphen = match.group(1).casefold() in particles and bool(match.group(2))
        edits.append((match.start() + (1 if keep_hyphen else 0), match.end(), ""))
    for token in _LONG_TOKEN.finditer(folded_text):
        for boundary in _GLUED.finditer(token.group()):
            position = token.start() + boundary.start()
            edits.append((position, position, " "))
    if not edits:
        return Shadow(folded_text, text, origin)
    edits.sort()
    out_chars: list[str] = []
    out_origin: list[int] = []
    position = 0
    for start, end, replacement in edits:
        if start < position:
            continue
        out_chars.append(folded_text[position:start])
        out_origin += origin[position:start]
        if replacement:
            out_chars.append(replacement)
            out_origin += [origin[start] if start < len(origin) else len(text)] * len(replacement)
        position = end
    out_chars.append(folded_text[position:])
    out_origin += origin[position:]
    return Shadow("".join(out_chars), text, out_origin)


# --- the word lists --------------------------------------------------------------------------


class Lists:
    """The rules of `nl.yaml` and the lists beside it, folded, ready for look-ups."""

    def __init__(self, rules: NameRules, given: frozenset[str], surnames: frozenset[str],
                 words: frozenset[str]) -> None:
        self.rules = rules
        self.given = given
        self.surnames = surnames
        self.words = words
        self.particles = tuple(sorted({fold_ascii(p) for p in rules.particles},
                                      key=lambda p: -len(p)))
        self.particle_words = frozenset(w for p in self.particles for w in p.split())
        self.name_particles = frozenset(fold_ascii(p) for p in rules.name_particles)
        self.abbreviations = {fold_ascii(k): [fold_ascii(v) for v in values]
                              for k, values in rules.particle_abbreviations.items()}
        self.courtesy = frozenset(fold_ascii(w) for w in rules.courtesy_titles)
        self.functions = frozenset(fold_ascii(w) for w in rules.function_titles)
        self.portfolios = frozenset(fold_ascii(w) for w in rules.portfolios)
        # Words in lower case at which a rule of the undeclared-name finder can start.
        self.starts = (self.courtesy | self.functions
                       | frozenset(p.split()[0] for p in self.name_particles))
        self.person_verbs = frozenset(fold_ascii(w) for w in rules.person_verbs)
        self.label_nouns = frozenset(fold_ascii(w) for w in rules.label_nouns)
        self.institutions = frozenset(fold_ascii(w) for w in rules.institutions)
        self.not_names = frozenset(fold_ascii(w) for w in rules.not_names)
        self.language_words = frozenset(fold_ascii(w) for w in rules.language_words)
        self.person_words = frozenset(fold_ascii(w) for w in rules.person_words)
        self.absence = tuple(fold_ascii(w) for w in rules.absence_words)
        self.categories: dict[str, tuple[Words, frozenset[str], tuple[str, ...],
                                         tuple[str, ...]]] = {}
        for key, category in rules.special_categories.items():
            exact = {fold_ascii(w) for w in category.words if not w.endswith("*") and " " not in w}
            prefixes = tuple(fold_ascii(w[:-1]) for w in category.words if w.endswith("*"))
            phrases = tuple(fold_ascii(w) for w in category.words if " " in w)
            self.categories[key] = (category.label, frozenset(exact), prefixes, phrases)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one instance, kept for the process
    def ordinary(self, word: str) -> bool:
        """Whether folded `word` is an ordinary Dutch word (or a compound of them)."""
        if word in self.words:
            return True
        if len(word) < 8:
            return False
        for cut in range(4, len(word) - 3):
            head, tail = word[:cut], word[cut:]
            if (head in self.words or (head[-1] in "se" and head[:-1] in self.words)) and (
                    tail in self.words or self.ordinary(tail)):
                return True
        return False

    def given_name(self, word: str) -> bool:
        return word in self.given and word not in self.not_names


def _lines(name: str) -> frozenset[str]:
    path = resources.find_template(f"privacy/{name}", kind="word list", name=name)
    raw = path.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return frozenset(line for line in raw.decode("utf-8").split("\n") if line)


@functools.cache
def lists() -> Lists:
    """The name rules and word lists (read once per process)."""
    rules = load_model(resources.find_template("privacy/nl.yaml", kind="name rules",
                                               name="nl"), NameRules)
    return Lists(rules, _lines("given-names.txt"), _lines("surnames.txt"),
                 _lines("words-nl.txt.gz"))


# --- parsing a name field ----------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedName:
    """A name field taken apart. Words are as written (capitals turned into title case).

    `segments` are the parts of the surname, each with its particles: "Jansen-de Vries" is
    ((), "Jansen") and (("de",), "Vries").
    """

    given: tuple[str, ...]
    nicknames: tuple[str, ...]
    initials: tuple[str, ...]
    segments: tuple[tuple[tuple[str, ...], str], ...]

    @property
    def letters(self) -> tuple[str, ...]:
        """The initials of the given names, written or taken from the names themselves."""
        if self.initials:
            return self.initials
        return tuple(part[0].upper() for name in self.given for part in name.split("-") if part)


_NICKNAME = re.compile(r"\(([^()]+)\)|[\"“„]([^\"“”„]+)[\"”“]"
                       r"|(?<![\w'])['‘]([A-Z][\w-]+)['’](?!\w)")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?|[^\W\d_]")


def _title(word: str) -> str:
    """'VRIES' → 'Vries', 'JANSEN-DE' → 'Jansen-De'; other words stay as written."""
    if word.isupper() and len(word) > 1:
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def _is_initials(word: str) -> bool:
    return bool(_INITIALS.fullmatch(word)) and (word[0].isupper() or "." in word)


def _take_particles(words: list[str], particle_words: frozenset[str]) -> tuple[list[str],
                                                                                list[str]]:
    """Leading particles of `words` and the rest (at least one word is always left)."""
    particles = []
    while len(words) > 1 and fold_ascii(words[0]) in particle_words:
        particles.append(words.pop(0).lower())
    return particles, words


@functools.lru_cache(maxsize=65536)
def parse_name(text: str) -> ParsedName:
    """A name field in any common order: "Anne de Vries", "Vries, Anne de", "Dam, J.P. van",
    "VAN DAM, Jan", "Johannes (Hans) de Vries", 'Jan "Jip" Jansen', "Renée Jansen-de Vries".
    Particles alone are never a name: they are kept with the surname they belong to.
    """
    particle_words = lists().particle_words
    name_particles = lists().name_particles
    value = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    nicknames = tuple(_title(group.strip()) for match in _NICKNAME.finditer(value)
                      for group in match.groups() if group and group.strip())
    value = _NICKNAME.sub(" ", value)
    if "," in value:
        surname_part, _, given_part = value.partition(",")
        given_words = given_part.split()
        trailing: list[str] = []
        while given_words and fold_ascii(given_words[-1]) in particle_words and (
                given_words[-1].islower() or fold_ascii(given_words[-1]) in name_particles):
            # "Vries, Anne de", "Vos, Bart De"; but "Broek, Ben": Ben is a given name
            trailing.insert(0, given_words.pop())
        surname_words = [*trailing, *surname_part.split()]
    else:
        words = value.split()
        start = len(words) - 1
        # "Van der Hoek": a surname alone, particle first (a declared person often is one)
        first = 0 if len(words) > 1 and fold_ascii(words[0]) in name_particles else 1
        for index in range(first, len(words)):
            word = words[index]
            if ((fold_ascii(word) in particle_words and index < len(words) - 1)
                    or any(fold_ascii(part) in particle_words for part in word.split("-")[1:])):
                start = index
                break
        given_words, surname_words = words[:start], words[start:]
        if len(words) == 1:  # one word only: a given name or a pseudonym ("Kees")
            given_words, surname_words = words, []
    given: list[str] = []
    initials: list[str] = []
    for word in given_words:
        if _is_initials(word):
            initials += [ch.upper() for ch in word if ch.isalpha()]
        elif word.strip("-.") and fold_ascii(word) not in name_particles:
            given.append(_title(word.rstrip(".")))
    if initials and given:
        initials = [name[0].upper() for name in given] + initials
    segments = []
    surname = " ".join(surname_words)
    for part in re.split(r"\s*-\s*", surname) if surname else []:
        particles, core = _take_particles(part.split(), particle_words)
        if core and not (len(core) == 1 and fold_ascii(core[0]) in particle_words and particles):
            segments.append((tuple(particles), " ".join(_title(w) for w in core)))
    return ParsedName(tuple(given), nicknames, tuple(initials), tuple(segments))
