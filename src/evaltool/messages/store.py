"""Texts for reading and writing session files (`evaltool.store`)."""

MESSAGES = {
    "no_version": ("no schema_version", "geen schema_version"),
    "no_version_hint": ("start the file with 'schema_version: {version}'",
                        "begin het bestand met 'schema_version: {version}'"),
    "bad_version": ("schema_version '{found}' is not a version evaltool knows",
                    "schema_version '{found}' is geen versie die evaltool kent"),
    "newer_version": ("written for schema version {found}; this evaltool reads up to {version}",
                      "geschreven voor schemaversie {found}; deze evaltool leest tot en met "
                      "{version}"),
    "newer_version_hint": ("upgrade evaltool (pip install -U evaltool)",
                           "werk evaltool bij (pip install -U evaltool)"),
    "cannot_write": ("cannot write: {reason}", "kan niet schrijven: {reason}"),
    "cannot_write_hint": ("nothing was changed; free some space or check the folder's "
                          "permissions, then try again",
                          "er is niets veranderd; maak ruimte vrij of controleer de rechten "
                          "van de map en probeer het opnieuw"),
    "no_folder_hint": ("nothing was changed; the folder does not exist: create it first, or "
                       "choose another place",
                       "er is niets veranderd; de map bestaat niet: maak haar eerst aan, of "
                       "kies een andere plek"),
    "exists": ("the file exists already", "het bestand bestaat al"),
    "exists_hint": ("choose another name, or use --force to overwrite it",
                    "kies een andere naam, of gebruik --force om het te overschrijven"),
    "not_a_file": ("not a regular file (a folder, pipe, device or socket); evaltool never "
                   "replaces one",
                   "geen gewoon bestand (een map, pipe, apparaat of socket); evaltool "
                   "vervangt zoiets nooit"),
    "not_a_file_hint": ("nothing was changed; name a file, or a new name",
                        "er is niets veranderd; geef een bestand op, of een nieuwe naam"),
    "dangling_link": ("a symbolic link to a file that does not exist",
                      "een symbolische link naar een bestand dat niet bestaat"),
    "dangling_link_hint": ("nothing was changed; point the link at a file, or remove it",
                           "er is niets veranderd; laat de link naar een bestand wijzen, of "
                           "verwijder hem"),
    "stream_hint": ("check that something reads from it", "controleer of er iets uit leest"),
    "changed_meanwhile": ("the file was changed by someone else after evaltool read it (another "
                          "edit, an editor, git), in the same places; nothing was written",
                          "het bestand is veranderd nadat evaltool het las (een andere bewerking, "
                          "een editor, git), op dezelfde plaatsen; er is niets geschreven"),
    "gone_meanwhile": ("the file was removed or replaced after evaltool read it; nothing was "
                       "written",
                       "het bestand is verwijderd of vervangen nadat evaltool het las; er is "
                       "niets geschreven"),
    "changed_meanwhile_hint": ("look at the file as it is now, then run the command again",
                               "bekijk het bestand zoals het nu is en draai de opdracht "
                               "opnieuw"),
    "write_check": ("evaltool would write this file so that it reads differently; nothing was "
                    "written",
                    "evaltool zou dit bestand zo schrijven dat het anders gelezen wordt; er is "
                    "niets geschreven"),
    "lost_comment": ("evaltool would lose the comment '{comment}'; nothing was written",
                     "evaltool zou het commentaar '{comment}' kwijtraken; er is niets "
                     "geschreven"),
    "write_check_hint": ("this is a mistake in evaltool: please report it with the file",
                         "dit is een fout in evaltool: meld die, met het bestand"),
}
