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
}
