"""Texts of publication mode (`summarize --public`, `diff --public`): rules and refusals."""

MESSAGES = {
    "rule_function": (
        "people appear by their function only (someone the meeting spoke of, by the label "
        "the session gives them); when two share a function, with a letter",
        "mensen staan er alleen met hun functie in (wie ter sprake kwam, met de omschrijving "
        "uit de sessie); als twee dezelfde functie hebben, met een letter"),
    "rule_names": (
        "names, e-mail addresses and phone numbers are removed from all text; a name is "
        "replaced by the person's function in brackets",
        "namen, e-mailadressen en telefoonnummers zijn uit alle tekst verwijderd; een naam "
        "is vervangen door de functie van die persoon tussen haken"),
    "rule_confidential": (
        "confidential findings and follow-up questions and internal notes are left out",
        "vertrouwelijke bevindingen en vervolgvragen en interne notities zijn weggelaten"),
    "rule_absence": (
        "absence is mentioned without a reason; health and other special categories of "
        "personal data (AVG art. 9) are never published",
        "afwezigheid wordt genoemd zonder reden; gezondheid en andere bijzondere "
        "persoonsgegevens (AVG art. 9) worden nooit gepubliceerd"),
    "rule_refuse": (
        "the report is only written when no name of anyone is left in it",
        "het verslag wordt alleen geschreven als er van niemand meer een naam in staat"),
    "in_output": ("the report", "het verslag"),
    # Stands for a person named inside another person's function or label, when their own
    # label names someone too (see `Scrubber.for_session`).
    "someone": ("someone", "iemand"),
    "name_survives": (
        "a name of {person} is still there after anonymising: '{word}' in {field}",
        "een naam van {person} staat er na het anonimiseren nog: '{word}' in {field}"),
    "name_survives_hint": (
        "nothing was written; write the name as in the name field so that it can be "
        "replaced, or rephrase it",
        "er is niets geschreven; schrijf de naam zoals in het naamveld, zodat hij vervangen "
        "kan worden, of formuleer het anders"),
    "likely_name": (
        "'{word}' in {field} looks like the name of someone the session does not "
        "declare ({rule})",
        "'{word}' in {field} lijkt de naam van iemand die de sessie niet noemt ({rule})"),
    "likely_name_hint": (
        "nothing was written; declare the person under people (with a label such as "
        "'de wethouder Onderwijs'), rephrase it, or list the words under not_people",
        "er is niets geschreven; noem de persoon onder people (met een omschrijving zoals "
        "'de wethouder Onderwijs'), formuleer het anders, of zet de woorden onder "
        "not_people"),
    "special_category": (
        "'{word}' in {field} tells something about a person's {category} (a special "
        "category of personal data, AVG art. 9)",
        "'{word}' in {field} zegt iets over iemands {category} (een bijzonder "
        "persoonsgegeven, AVG art. 9)"),
    "special_category_hint": (
        "nothing was written; such a reason is never published: leave it out of the text, "
        "or mark the finding or follow-up confidential",
        "er is niets geschreven; zo'n reden wordt nooit gepubliceerd: laat hem uit de tekst "
        "weg, of maak de bevinding of vervolgvraag vertrouwelijk"),
    "rule_title": ("a title or function before it", "een titel of functie ervoor"),
    "rule_initials": ("initials before it", "voorletters ervoor"),
    "rule_given_name": ("a given name", "een voornaam"),
    "rule_particles": ("a surname with a particle", "een achternaam met tussenvoegsel"),
    "rule_surname": ("a known surname", "een bekende achternaam"),
    "rule_owner": ("a name as the owner", "een naam als eigenaar"),
    "rule_same_surname": (
        "the surname of someone known, after another given name or initials",
        "de achternaam van een bekende, na een andere voornaam of voorletters"),
}
