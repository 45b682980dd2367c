"""Finding people in free text: the names a session declares, names it does not, and
special categories of personal data (AVG art. 9) next to a person or an absence.

Pure: text in, places out. `evaltool.report.privacy` uses it to replace and to refuse; the wizard
can ask `likely_names` about an answer as it is typed.

Dutch name rules (see `evaltool.session.dutchnames` for the lists):
- a surname with particles is matched only with them ("van der Meer", "Van der Meer",
  "V.d. Meer"), never by its last word alone;
- a name part that is also an ordinary word ("Groot", "Meer", "Roos") is a name only where
  it stands as one: after a given name, initials or a title, capitalised inside a sentence,
  or at the start of one when a verb such as "zei" follows; never in lower case;
- a surname right after someone else's given name or initials ("Joost van der Berg" when
  the participant is Kees van der Berg) is not that participant: it is left for the
  undeclared-name check, never replaced by the wrong person's function.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from evaltool.i18n.folding import asciify, fold_ascii
from evaltool.session.dutchnames import Lists, ParsedName, Shadow, lists, shadow

RULE_NAMES = {"title": "privacy.rule_title", "initials": "privacy.rule_initials",
              "given_name": "privacy.rule_given_name", "particles": "privacy.rule_particles",
              "surname": "privacy.rule_surname", "same_surname": "privacy.rule_same_surname",
              "owner": "privacy.rule_owner"}
"""The message key of each rule that finds a likely name: how publication mode names it
when it refuses the name, and the wizard when it asks about it."""

_TAIL = r"(?:'s|s)?(?![\w])"
_LETTERS = re.compile(r"[A-Za-z]+")
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")
_SENTENCE_END = re.compile(r"[.!?:;\n•*\"“(]\s*$|^\s*$")
_ABBREVIATED = re.compile(r"(?:\b[A-Za-z]|\b(?:dhr|mw|mevr|mr|dr|drs|ir|ing|prof|ds|hr|v|d|"
                          r"st|mvr|bijv|bv|o\.a|i\.p\.v|t\.a\.v|e\.a))\.\s*$", re.I)
_NEXT_WORD = re.compile(r"\s+([A-Za-z][A-Za-z'-]*)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z][A-Za-z'-]*)(\.?)\s+$")


@dataclass(frozen=True)
class Known:
    """A person a session names: a participant or a declared person."""

    id: str
    label: str
    name: ParsedName


@dataclass(frozen=True)
class Hit:
    """A place in a shadow text: a known person (`people`) or a likely name (`rule`)."""

    start: int
    end: int
    people: tuple[int, ...] = ()
    rule: str = ""
    word: str = ""


def starts_sentence(text: str, position: int) -> bool:
    """Whether the word at `position` is the first of a sentence, a line or a list item."""
    before = text[max(0, position - 40):position]
    if _SENTENCE_END.search(before) is None:
        return False
    return _ABBREVIATED.search(before) is None


def _word(word: str) -> str:
    """A written word as a pattern: spaces and hyphens may vary, case does not matter."""
    return re.sub(r"\\ |\\-", lambda m: r"\s+" if m.group() == r"\ " else r"\s*-\s*",
                  re.escape(asciify(word)))


def _particles(particles: tuple[str, ...], rules: Lists) -> str:
    full = r"\s+".join(re.escape(p) for p in particles)
    written = " ".join(particles)
    options = [full] + [re.escape(a).replace(r"\ ", r"\s*")
                        for a in rules.abbreviations.get(written, [])]
    return "(?:" + "|".join(sorted(set(options), key=lambda o: -len(o))) + ")"


def _alternatives(options: Iterable[str]) -> str:
    unique = sorted({o for o in options if o}, key=lambda o: (-len(o), o))
    return "(?:" + "|".join(unique) + ")" if unique else ""


@dataclass
class _Person:
    """One known person's pattern, and what its parts are."""

    pattern: re.Pattern[str]
    ordinary_given: frozenset[str]
    ordinary_cores: frozenset[str]
    parts: frozenset[str]  # folded given names, nicknames and surname cores
    letters: frozenset[str]  # the initials


def _person_pattern(name: ParsedName, rules: Lists) -> _Person:
    given_words = list(name.given) + list(name.nicknames)
    given_options = {_word(g) for g in given_words}
    given_options |= {_word(p) for g in given_words for p in g.split("-")
                      if len(p) >= 2 and fold_ascii(p) not in rules.particle_words}
    given = _alternatives(given_options)
    letters = "".join(sorted({asciify(ch)[:1].upper() for ch in name.letters
                              if asciify(ch)[:1].isalpha()}))
    initials = (rf"(?-i:(?:[{letters}]\.\s?){{1,{max(1, len(name.letters))}}}"
                rf"|[{letters}]{{1,{max(1, len(name.letters))}}}(?=\s))") if letters else ""
    segments = [(rf"{_particles(p, rules)}\s*" if p else "") + _word(core)
                for p, core in name.segments]
    surname_options = []
    if len(segments) > 1:
        surname_options.append(r"\s*[-\s]\s*".join(segments))
    surname_options += segments
    surname = _alternatives(surname_options)
    # Each part of the name is written once in the pattern (compiling a person's pattern
    # is most of the cost of a session with thousands of people): a surname with what may
    # lead it (given names, initials) or follow it (", J.", ", Anne de"), a given name
    # alone, a surname's last word (only after a title, see `_verdict`), initials.
    lead = _alternatives([rf"(?:{given}\.?\s+)+(?:{initials}\s*)?" if given and initials
                          else rf"(?:{given}\.?\s+)+" if given else "",
                          rf"{initials}\s*" if initials else ""])
    last_particles = name.segments[-1][0] if name.segments else ()
    trailing = rf"(?:\s+{_particles(last_particles, rules)})?" if last_particles else ""
    after = _alternatives([given, initials])
    reverse = rf"\s*,\s*{after}{trailing}" if after else ""
    options: list[str] = []
    if surname:
        # "Surname, Given" only when no given name came first ("Agnes van der Linden, A.
        # van der Linden" is two mentions): a conditional group.
        rev = (rf"(?(lead)|(?P<rev>{reverse})?)" if lead else rf"(?P<rev>{reverse})?"
               ) if reverse else ""
        options.append((rf"(?P<lead>{lead})?" if lead else "") + rf"(?P<sur>{surname})" + rev)
    if given:
        options.append(rf"(?P<giv>{given})")
    bare = [_word(core) for particles, core in name.segments if particles]
    if bare:  # "mevrouw Bosch", "Bosch, J." for Jacob ten Bosch (see `_verdict`)
        options.append(rf"(?P<bare>{_alternatives(bare)})"
                       + (rf"(?P<brev>{reverse})?" if reverse else ""))
    short = _initial_forms(name)
    if short:
        options.append("(?P<ini>(?-i:" + "|".join(re.escape(f) for f in short) + "))")
    # A title before the name ("mevrouw", "wethouder") is looked for apart (`_title_before`):
    # in every person's pattern, its eighty words would make compiling it slow.
    pattern = r"(?<![\w])(?:" + "|".join(options) + ")" + _TAIL
    ordinary_given = frozenset(fold_ascii(g) for g in given_words if rules.ordinary(fold_ascii(g)))
    ordinary_cores = frozenset(fold_ascii(core) for p, core in name.segments
                               if not p and rules.ordinary(fold_ascii(core)))
    parts = frozenset(fold_ascii(w) for g in given_words for w in re.split(r"[-\s]+", g)
                      if len(w) > 1)
    parts |= frozenset(fold_ascii(w) for _, core in name.segments
                       for w in re.split(r"[-\s]+", core) if len(w) > 1)
    return _Person(re.compile(pattern, re.IGNORECASE), ordinary_given, ordinary_cores, parts,
                   frozenset(letters))


def _initial_forms(name: ParsedName) -> list[str]:
    """"J.t.B.", "JtB", "JTB": a person's initials with those of the surname (3+ letters)."""
    if not name.segments or not name.letters:
        return []
    particles, core = name.segments[0]
    tussen = [p[0] for p in particles if p[0].isalpha()]
    letters = [*name.letters, *tussen, core[0].upper()]
    if len(letters) < 3:
        return []
    lower = [*name.letters, *(t.lower() for t in tussen), core[0].upper()]
    forms = {"".join(f"{ch}." for ch in lower), "".join(f"{ch}." for ch in letters).upper()}
    if tussen:
        forms.add("".join(lower))  # "JtB"; not "JTB", which is also "SDG" for S. de Graeve
    else:
        forms.add("".join(letters).upper())
    return sorted(forms, key=len, reverse=True)


@functools.lru_cache(maxsize=8192)
def _pattern_of(name: ParsedName) -> _Person:
    return _person_pattern(name, lists())


class NameMatcher:
    """Finds the names of known people in a shadow text."""

    def __init__(self, people: Iterable[Known]) -> None:
        self.people = list(people)
        self.rules = lists()
        self._index: dict[str, list[int]] = {}
        self.given_names: set[str] = set()
        for number, person in enumerate(self.people):
            for key in self._keys(person.name):
                self._index.setdefault(key, []).append(number)
            self.given_names |= {fold_ascii(g)
                                 for g in (*person.name.given, *person.name.nicknames)}

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def _keys(name: ParsedName) -> frozenset[str]:
        """Words of which a text needs at least one to mention this person."""
        # The runs of letters, as `candidates` reads a text ("N˜zamett˜n": "zamett").
        rules = lists()
        given = " ".join([*name.given, *name.nicknames])
        cores = " ".join(core for _, core in name.segments)
        # A particle is never a key ("van"); "Ben" is a given name, but "het" no surname.
        keys = set(re.findall(r"[a-z]{2,}", fold_ascii(given))) - rules.name_particles
        keys |= set(re.findall(r"[a-z]{2,}", fold_ascii(cores))) - rules.particle_words
        keys |= {fold_ascii(f.replace(".", "")) for f in _initial_forms(name)}
        return frozenset(keys)

    def candidates(self, text: str) -> list[int]:
        """The people a text may mention: it has a word of their name. A name of up to three
        letters ("Bo", "Wal") does not count in lower case, as `_verdict` wants it (in
        capitals it may be part of a name in capitals: "JET VAN DE WAL")."""
        index = self._index
        found: set[int] = set()
        for word in _LETTERS.findall(text):
            if len(word) <= 3 and word.islower():  # "en", "the": no short name in lower case
                continue
            key = word.casefold()
            if key in index:
                found.update(index[key])
            if key.endswith("s") and key[:-1] in index:
                found.update(index[key[:-1]])
        if "." in text:  # initials: "J.t.B."
            for dotted in _DOTTED.findall(text):
                found.update(index.get(dotted.replace(".", "").casefold(), ()))
        return sorted(found)

    def hits(self, view: Shadow, *, name_field: bool = False) -> tuple[list[Hit], list[Hit]]:
        """Known people in `view` (merged where two share a form), and places where a known
        surname or given name belongs to someone else (a likely undeclared person).
        In a `name_field` (a follow-up's owner) the first word stands where a name does."""
        text = view.text
        found: list[Hit] = []
        others: list[Hit] = []
        for number in self.candidates(text):
            person = self.people[number]
            compiled = _pattern_of(person.name)
            for match in compiled.pattern.finditer(text):
                title = _title_before(text, match.start())  # 0 at the text's start
                verdict = self._verdict(match, compiled, text, name_field, title is not None)
                if verdict == "yes":
                    found.append(Hit(match.start() if title is None else title, match.end(),
                                     (number,)))
                elif verdict == "other":
                    others.append(Hit(match.start(), match.end(), (number,),
                                      "same_surname", match.group()))
        return _merge(found), others

    def _verdict(self, match: re.Match[str], person: _Person, text: str,
                 name_field: bool = False, titled: bool = False) -> str:
        """'yes' (this person), 'no' (an ordinary word) or 'other' (someone else's name)."""
        group = _form(match)
        if group == "full":
            return "yes"
        value = match.group(group)
        if len(value) <= 3 and (value.isupper() or value.islower()) and group in ("giv", "sur"):
            return "no"  # "BO", "the": letters or a word ("Adviseur BO"), not Bo or The
        if group == "bare" and not titled:
            return "no"  # a surname's last word alone is not the name ("Gemeente Delft")
        if titled or group == "ini":
            return "yes"
        words = value.split()
        possessive = match.group(0).endswith("'s")  # "Aya's collega": a name, not a word
        if (group == "giv" or (group == "sur" and len(words) == 1 and "-" not in value)) and (
                not possessive):
            core = fold_ascii(value)
            if core in self.rules.not_names and self._not_a_name_here(match, text):
                return "no"  # "Frans" is also French: "in het Frans", "leerde Frans"
            ordinary = core in person.ordinary_given or core in person.ordinary_cores
            if ordinary and not (name_field and match.start() == 0) and not (
                    self._stands_as_name(value, match, text)):
                return "no"
        elif group == "sur" and len(words) > 1:
            last = re.split(r"[\s.]", value)[-1]
            if last[:1].islower() and self.rules.ordinary(fold_ascii(last)):
                return "no"  # "de haan", "de lange": the words, not the name
            if words[0] == "van" and fold_ascii(words[1]) not in self.rules.particle_words and (
                    self.rules.ordinary(fold_ascii(last))):
                # "van Delft" alone is "from Delft": a surname alone is written "Van Delft"
                following = _NEXT_WORD.match(text, match.end())
                if not (following and fold_ascii(following.group(1)) in self.rules.person_verbs):
                    return "no"
        if group == "giv" and self._surname_follows(match, text):
            return "other"
        if group == "sur" and self._given_precedes(match, text, person):
            return "other"
        return "yes"

    def _not_a_name_here(self, match: re.Match[str], text: str) -> bool:
        """Whether a word that is also a language or a people ("Frans", "Engels") is used
        as that here: after "het" or a verb of speaking, or next to another such word."""
        before = _PREVIOUS_WORD.search(text[max(0, match.start() - 40):match.start()])
        if before and fold_ascii(before.group(1)) in self.rules.language_words:
            return True
        pair = re.match(r"\s+(?:en|of|and|or)\s+([A-Za-z]+)", text[match.end():])
        if pair and fold_ascii(pair.group(1)) in self.rules.not_names:
            return True
        before_pair = re.search(r"([A-Za-z]+)\s+(?:en|of|and|or)\s+$",
                                text[max(0, match.start() - 40):match.start()])
        return bool(before_pair and fold_ascii(before_pair.group(1)) in self.rules.not_names)

    def _stands_as_name(self, value: str, match: re.Match[str], text: str) -> bool:
        if not value[:1].isupper():
            return False
        if not starts_sentence(text, match.start()):
            return True
        following = _NEXT_WORD.match(text, match.end())
        return bool(following and fold_ascii(following.group(1)) in self.rules.person_verbs)

    def _surname_follows(self, match: re.Match[str], text: str) -> bool:
        """"Jacob Bakker" when Jacob's surname is not Bakker: another Jacob."""
        rest = text[match.end():match.end() + 60]
        following = re.match(r"[ \t]+((?:[a-z']+\s+){0,2})([A-Z][a-z][A-Za-z'-]*)", rest)
        if not following:
            return False
        particles, word = following.group(1).split(), following.group(2)
        if particles and " ".join(fold_ascii(p) for p in particles) not in (
                self.rules.name_particles):
            return False
        folded = fold_ascii(word)
        return bool(particles) or not self.rules.ordinary(folded) or folded in self.rules.surnames

    def _given_precedes(self, match: re.Match[str], text: str, person: _Person) -> bool:
        """"Joost van der Berg" when the known van der Berg is Kees: another person."""
        before = _PREVIOUS_WORD.search(text[max(0, match.start() - 40):match.start()])
        if before is None:
            return False
        word, dot = before.group(1), before.group(2)
        folded = fold_ascii(word)
        if folded in person.parts or not word[:1].isupper():
            return False
        if len(word) == 1 and dot:  # an initial: someone else's, unless it is theirs
            return word.upper() not in person.letters
        position = match.start() - len(before.group())
        if folded in self.rules.courtesy or folded in self.rules.functions:
            return False
        if self.rules.ordinary(folded) and folded not in self.rules.given:
            return False
        return not (starts_sentence(text, position) and self.rules.ordinary(folded))


def _form(match: re.Match[str]) -> str:
    """Which form of a person's pattern matched: full (with a given name or initials before
    or after the surname), sur, giv, bare or ini."""
    found = match.groupdict()
    if found.get("lead") or found.get("rev") or found.get("brev"):
        return "full"
    return next(name for name in ("sur", "giv", "bare", "ini") if found.get(name))


@functools.cache
def _titles() -> re.Pattern[str]:
    rules = lists()
    words = _alternatives(re.escape(t) for t in rules.courtesy | rules.functions)
    return re.compile(rf"(?<![\w]){words}\.?\s+$", re.IGNORECASE)


def _title_before(text: str, position: int) -> int | None:
    """Where a title right before `position` starts ("mevrouw " in "mevrouw Jansen")."""
    found = _titles().search(text, max(0, position - 30), position)
    return found.start() if found else None


def _merge(hits: list[Hit]) -> list[Hit]:
    """The longest hits that do not overlap; one place found for two people names both."""
    same: dict[tuple[int, int], set[int]] = {}
    for hit in hits:
        same.setdefault((hit.start, hit.end), set()).update(hit.people)
    chosen: list[Hit] = []
    end = -1
    for (start, stop), people in sorted(same.items(), key=lambda item: (item[0][0],
                                                                        -item[0][1])):
        if start >= end:
            chosen.append(Hit(start, stop, tuple(sorted(people))))
            end = stop
    return chosen


# --- names nobody declared ------------------------------------------------------------------------

_TOKEN = re.compile(r"'t\b|[A-Za-z]+(?:'[A-Za-z]+)?")
_REPLACEMENT = re.compile(r"\[[^\]\n]*\]")


@dataclass
class _Token:
    """A word of a shadow text, with what the rules ask of it (computed when asked)."""

    __slots__ = ("text", "start", "end", "folded", "dot", "joined", "_source", "_first",
                 "capital")

    def __init__(self, text: str, start: int, end: int, source: str, joined: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.folded = text.casefold()
        self.dot = source[end:end + 1] == "."
        self.joined = joined  # only a space, a dot or a hyphen since the word before
        self._source = source
        self._first: bool | None = None
        word = text.split("'")[0]
        # Capitalised, not an acronym in capitals ("SDG's", "AVG").
        self.capital = word[:1].isupper() and not (len(word) > 1 and word.isupper())

    def first(self) -> bool:
        """The first word of a sentence, a line or a list item (looked at when first asked:
        most words are never asked)."""
        if self._first is None:
            self._first = starts_sentence(self._source, self.start)
        return self._first


_JOINED = re.compile(r"[ \t]*\n?[ \t]*|\.[ \t]*\n?[ \t]*|-")


def _tokens(text: str) -> list[_Token]:
    found: list[_Token] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if text.startswith("...", end):
            continue  # a word cut short to fit ("Onde…"): the whole text is checked elsewhere
        joined = bool(found) and bool(_JOINED.fullmatch(text, found[-1].end, start))
        found.append(_Token(match.group(), start, end, text, joined))
    return found


@dataclass
class Finder:
    """Likely names of people a session does not declare (see `likely_names`)."""

    not_people: tuple[str, ...] = ()
    known_words: frozenset[str] = frozenset()
    rules: Lists = field(default_factory=lists)
    _text: str = ""

    def hits(self, view: Shadow) -> list[Hit]:
        # A replacement ("[Adviseur]") is no part of a name, and breaks one off.
        text = self._text = _REPLACEMENT.sub(lambda m: "#" * len(m.group()), view.text)
        tokens = _tokens(text)
        spared = self._spared(text)
        found = []
        index = 0
        while index < len(tokens):
            hit = self._at(tokens, index)
            if hit is not None and not any(s < hit[1] and hit[0] < e for s, e in spared):
                start, end, rule = hit
                word = view.text[start:end]
                if rule == "title":  # shown masked: the name, not the title before it
                    word = word.split(None, 1)[-1]
                found.append(Hit(start, end, rule=rule, word=word))
                index = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
                continue
            index += 1
        return found

    def name_field(self, view: Shadow) -> list[Hit]:
        """In a field that holds a person (an owner): a given name or surname standing alone
        at its start ("Bakker", "Fenna") is a name, even where it is also a word."""
        match = re.match(r"\s*([A-Z][A-Za-z'-]+)(?:\s+([A-Z][A-Za-z'-]+))?\s*$", view.text)
        if match is None:
            return []
        words = [fold_ascii(w) for w in match.groups() if w]
        if any(w in self.rules.given or w in self.rules.surnames for w in words) and not any(
                w in self.known_words or w in self.rules.not_names for w in words) and not (
                self._spared(view.text)):
            return [Hit(match.start(1), match.end(), rule="owner", word=match.group().strip())]
        return []

    def _spared(self, text: str) -> list[tuple[int, int]]:
        folded = text.casefold()
        spans = []
        for phrase in self.not_people:
            pattern = r"(?<!\w)" + re.escape(fold_ascii(phrase)) + r"(?!\w)"
            for match in re.finditer(pattern, folded):
                spans.append(match.span())
        return spans

    def _name_after(self, tokens: list[_Token], index: int, *, need_core: bool = True
                    ) -> tuple[int, dict[str, int]] | None:
        """Where a name that starts at `index` ends: initials, given names, particles, and a
        capitalised surname (or a double one). Returns (index after it, what it holds)."""
        rules = self.rules
        holds = {"initials": 0, "given": 0, "particles": 0, "core": 0, "strange": 0}
        if index >= len(tokens) or (index > 0 and not tokens[index].joined):
            return None
        # The tokens after `index` belong to the name only while they follow on directly.
        end = index + 1
        while end < len(tokens) and tokens[end].joined:
            end += 1
        tokens = tokens[:end]
        n = index
        while n < len(tokens) and len(tokens[n].text) == 1 and tokens[n].text.isupper() and (
                tokens[n].dot):
            holds["initials"] += 1
            n += 1
        while n < len(tokens) and tokens[n].capital and rules.given_name(tokens[n].folded) and (
                n + 1 < len(tokens) and tokens[n + 1].capital or n + 1 < len(tokens)
                and tokens[n + 1].folded in rules.name_particles):
            holds["given"] += 1
            n += 1
        particle_end = self._particles_at(tokens, n, inside=n > index or index > 0 and (
            tokens[index - 1].folded in rules.courtesy or tokens[index - 1].folded in
            rules.functions))
        if particle_end > n:
            holds["particles"] = particle_end - n
            n = particle_end
        if n < len(tokens) and tokens[n].capital and not tokens[n].first() or (
                n < len(tokens) and tokens[n].capital and n > index):
            core = tokens[n]
            holds["core"] = 1
            holds["strange"] = int(not rules.ordinary(core.folded))
            n += 1
            while (n < len(tokens) and tokens[n].capital  # a double name: Jansen-Bakker
                   and tokens[n].start - tokens[n - 1].end == 1
                   and self._text[tokens[n - 1].end] == "-"):
                n += 1
            return n, holds
        if need_core:
            return None
        return (n, holds) if n > index else None

    def _particles_at(self, tokens: list[_Token], n: int, *, inside: bool = False) -> int:
        rules = self.rules
        for length in (3, 2, 1):
            words = tokens[n:n + length]
            if len(words) < length:
                continue
            phrase = " ".join(t.folded for t in words)
            if phrase in rules.name_particles and (
                    all(not t.capital or t.first() or t is words[0] for t in words)):
                if words[0].capital and not words[0].first() and not inside:
                    continue  # "De" inside a sentence starts a name of a thing ("De Bron")
                return n + length
        return n

    def _at(self, tokens: list[_Token], index: int) -> tuple[int, int, str] | None:
        """The likely name that starts at `tokens[index]`: (start, end, the rule that found
        it), the rules tried in order; None when none finds one."""
        rules = self.rules
        token = tokens[index]
        if not token.capital and token.folded not in rules.starts:
            return None  # most words: no rule starts at a word in lower case
        if token.folded in self.known_words and token.capital and not token.first():
            return None
        found = self._title(tokens, index) or self._function(tokens, index) or \
            self._initials(tokens, index)
        if found or not token.capital:
            # 5. a surname with its particles: "van der Berg", "de Vries"
            return found or self._particled(tokens, index)
        found = self._given_name(tokens, index)
        if found:
            return found
        if token.first() and token.folded in rules.name_particles:
            return self._particled(tokens, index)
        return self._before_surname(tokens, index)

    def _title(self, tokens: list[_Token], index: int) -> tuple[int, int, str] | None:
        """1. a courtesy title: "mevrouw Jansen", "dhr. P. de Vries"."""
        token = tokens[index]
        if token.folded in self.rules.courtesy and (token.dot or len(token.text) > 3) and (
                not token.capital or token.first() or token.dot or token.folded in (
                    "mevrouw", "meneer", "mijnheer")):
            after = self._name_after(tokens, index + 1)
            if after is not None and not self._known(tokens[after[0] - 1]):
                return token.start, tokens[after[0] - 1].end, "title"
        return None

    def _function(self, tokens: list[_Token], index: int) -> tuple[int, int, str] | None:
        """2. a function: "wethouder Jansen", "burgemeester M. Groen"."""
        rules = self.rules
        token = tokens[index]
        if token.folded not in rules.functions:
            return None
        after = self._name_after(tokens, index + 1)
        if after is None:
            return None
        end, holds = after
        last = tokens[end - 1]
        if (holds["strange"] or holds["initials"] or holds["given"]
                or holds["particles"] or (last.folded in rules.surnames
                                          and last.folded not in rules.portfolios)
                ) and not self._known(last) and (
                last.folded not in rules.institutions):
            return token.start, last.end, "title"
        return None

    def _initials(self, tokens: list[_Token], index: int) -> tuple[int, int, str] | None:
        """3. initials: "J. Jansen", "A.M. van der Linden"."""
        rules = self.rules
        token = tokens[index]
        previous = tokens[index - 1] if index else None
        if not (len(token.text) == 1 and token.text.isupper() and token.dot) or (
                previous and previous.folded in rules.label_nouns):
            return None
        after = self._name_after(tokens, index)
        if after is None:
            return None
        end, holds = after
        last = tokens[end - 1]
        if not self._known(last) and last.folded not in rules.institutions and (
                holds["initials"] >= 2 or holds["particles"] or holds["strange"]
                or not last.first()):
            return token.start, last.end, "initials"
        return None

    def _given_name(self, tokens: list[_Token], index: int) -> tuple[int, int, str] | None:
        """4. a given name common in the Netherlands: "Fenna", "Joost van der Berg"."""
        rules = self.rules
        token = tokens[index]
        if not rules.given_name(token.folded) or self._known(token):
            return None
        after = self._name_after(tokens, index + 1)
        ordinary = rules.ordinary(token.folded)
        if after is not None and not self._known(tokens[after[0] - 1]) and (
                tokens[after[0] - 1].folded not in rules.institutions):
            return token.start, tokens[after[0] - 1].end, "given_name"
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following and not following.joined:
            following = None
        if not ordinary or not token.first() or (
                following and following.folded in rules.person_verbs):
            return token.start, token.end, "given_name"
        return None

    def _before_surname(self, tokens: list[_Token], index: int) -> tuple[int, int, str] | None:
        """6. an unknown capitalised word before a known surname: "Fedde Jansen"."""
        rules = self.rules
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following and following.capital and following.joined and (
                following.folded in rules.surnames and not rules.ordinary(token.folded)
                and not self._known(token) and not self._known(following)
                and token.folded not in rules.not_names):
            return token.start, following.end, "surname"
        return None

    def _particled(self, tokens: list[_Token], index: int) -> tuple[int, int, str] | None:
        rules = self.rules
        end = self._particles_at(tokens, index)
        if end == index or end >= len(tokens) or not tokens[end].capital or not all(
                t.joined for t in tokens[index + 1:end + 1]):
            return None
        core = tokens[end]
        particles = " ".join(t.folded for t in tokens[index:end])
        if core.folded in rules.institutions or self._known(core):
            return None
        known_surname = f"{particles} {core.folded}" in rules.surnames
        several = " " in particles or particles in ("ten", "ter", "'t", "d'")
        # "de Vries" is a name, but "de Schie" (a river) and "van Rotterdam" are not: after
        # one short particle, or "van de", only a known surname counts; after "ten",
        # "van der", "van den" a capitalised word is one.
        surname_particles = several and particles not in ("van de", "van het", "op de")
        # "van de Tanthof", "van de Veluwe": a neighbourhood, a region; "van de Ven" is
        # in the list of surnames.
        if known_surname or surname_particles:
            return tokens[index].start, core.end, "particles"
        return None

    def _known(self, token: _Token) -> bool:
        return token.folded in self.known_words or token.folded in self.rules.not_names


def likely_names(text: str, *, not_people: Iterable[str] = (),
                 known: Iterable[Known] = ()) -> list[tuple[str, str]]:
    """The likely names of people in `text` that are not among `known` (participants and
    declared people), nor in `not_people`: each as (the words, the rule that found it).

    For the wizard: after a free-text answer it can offer to declare each one as a person
    (with a label), or to mark it as not a person.
    """
    view = shadow(text)
    matcher = NameMatcher(known)
    found, others = matcher.hits(view)
    finder = Finder(tuple(not_people))
    results = []
    covered = [(h.start, h.end) for h in found]
    for hit in [*others, *finder.hits(view)]:
        if not any(s < hit.end and hit.start < e for s, e in covered):
            start, end = view.span(hit.start, hit.end)
            results.append((text[start:end], hit.rule))
            covered.append((hit.start, hit.end))
    return results


# --- special categories -----------------------------------------------------------------------

_SENTENCES = re.compile(r"[^.!?\n]+[.!?]*")


class _AnySpecial:
    """Whether a text may hold a special-category word at all (most texts do not)."""

    pattern: re.Pattern[str] | None = None

    def search(self, text: str) -> bool:
        if self.pattern is None:
            words = []
            for _, exact, prefixes, phrases in lists().categories.values():
                words += [re.escape(w) for w in (*exact, *phrases)]
                words += [re.escape(p) + r"\w*" for p in prefixes]
            self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")
        return bool(self.pattern.search(text))


_MAYBE_SPECIAL = _AnySpecial()


def person_marks(labels: Iterable[str]) -> frozenset[str]:
    """Labels that stand for a person here (the participants' functions), folded, for
    `special_categories`."""
    return frozenset(fold_ascii(label) for label in labels)


def special_categories(view: Shadow, marks: frozenset[str] = frozenset()) -> Iterator[
        tuple[str, str, int, int]]:
    """(category, word, start, end) of each special-category word in a sentence that also
    names a person, refers to one, or speaks of an absence. `marks` (`person_marks`) are
    further words that stand for a person here."""
    rules = lists()
    if not _MAYBE_SPECIAL.search(view.text.casefold()):
        return
    for sentence in _SENTENCES.finditer(view.text):
        folded = sentence.group().casefold()
        words = re.findall(r"[a-z]+(?:-[a-z]+)*", folded)
        found = []
        for key, (_, exact, prefixes, phrases) in rules.categories.items():
            for word in words:
                if word in exact or any(word.startswith(p) for p in prefixes):
                    found.append((key, word))
            found += [(key, p) for p in phrases if re.search(rf"(?<!\w){re.escape(p)}(?!\w)",
                                                            folded)]
        if not found:
            continue
        person = ("[" in folded or not rules.person_words.isdisjoint(words)
                  or not rules.functions.isdisjoint(words) or not marks.isdisjoint(words)
                  or any(m in folded for m in marks if " " in m)
                  or any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", folded) for a in rules.absence)
                  or bool(Finder().hits(Shadow(sentence.group(), sentence.group(), None))))
        if person:
            for key, word in found:
                where = folded.find(word)
                start = sentence.start() + max(where, 0)
                yield key, word, start, start + len(word)
