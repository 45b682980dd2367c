"""Texts of the commands about session files: validate and schema."""

MESSAGES = {
    "sessions_dir_help": ("Folder of the session files (default: ./sessions, or "
                          "EVALTOOL_SESSIONS).",
                          "Map met de sessiebestanden (standaard: ./sessions, of "
                          "EVALTOOL_SESSIONS)."),
    "validate_help": ("Check session files against the schema; report every problem with "
                      "its line.",
                      "Controleer sessiebestanden tegen het schema; meld elk probleem met "
                      "zijn regel."),
    "validate_paths_help": ("Session files or folders (default: the sessions folder).",
                            "Sessiebestanden of mappen (standaard: de sessiemap)."),
    "drafts_help": ("Also check the drafts in .drafts/ folders.",
                    "Controleer ook de concepten in .drafts/-mappen."),
    "validate_summary": ("{checked} file(s) checked: {valid} valid, {invalid} invalid",
                         "{checked} bestand(en) gecontroleerd: {valid} geldig, "
                         "{invalid} ongeldig"),
    "nothing_to_check": ("no session files (*.yaml) in {where}; name session files, or a "
                         "folder that holds them",
                         "geen sessiebestanden (*.yaml) in {where}; geef sessiebestanden op, "
                         "of een map waarin ze staan"),
    "duplicate_id": ("id '{id}' is also the id of {other}", "id '{id}' is ook de id van {other}"),
    "duplicate_id_hint": ("give each session its own id (evaltool uses the file's name); "
                          "later sessions refer to a session by its id",
                          "geef elke sessie een eigen id (evaltool neemt de bestandsnaam); "
                          "latere sessies verwijzen naar een sessie met haar id"),
    "schema_help": ("Print the JSON Schema of the session file (for editors and "
                    "check-jsonschema).",
                    "Toon het JSON Schema van het sessiebestand (voor editors en "
                    "check-jsonschema)."),
    "id_not_stem": ("the id '{id}' is not the file's name '{stem}'",
                    "de id '{id}' is niet de naam van het bestand, '{stem}'"),
    "id_not_stem_hint": ("rename the file to {id}.yaml, or set id: {stem}; later sessions "
                         "refer to a session by its id, which is its file's name",
                         "hernoem het bestand naar {id}.yaml, of zet id: {stem}; latere "
                         "sessies verwijzen naar een sessie met haar id, de naam van haar "
                         "bestand"),
    "continues_itself": ("continues '{ref}', a follow-up of this same session",
                         "is een vervolg op '{ref}', een vervolgvraag van deze sessie zelf"),
    "continues_itself_hint": ("name a follow-up of an earlier session, or remove continues",
                              "noem een vervolgvraag van een eerdere sessie, of verwijder "
                              "continues"),
    "continues_no_session": ("continues '{ref}', but there is no such session (no {file})",
                             "is een vervolg op '{ref}', maar die sessie bestaat niet (geen "
                             "{file})"),
    "continues_no_session_hint": ("check the id before the '#': it is the file name of the "
                                  "earlier session",
                                  "controleer de id voor de '#': dat is de bestandsnaam van de "
                                  "eerdere sessie"),
    "continues_not_earlier": ("continues '{ref}', of {date}, which is not before this "
                              "session ({own})",
                              "is een vervolg op '{ref}', van {date}, en dat is niet vóór deze "
                              "sessie ({own})"),
    "continues_not_earlier_hint": ("a follow-up continues one of an earlier session; check "
                                   "the reference and both dates",
                                   "een vervolgvraag zet er een van een eerdere sessie voort; "
                                   "controleer de verwijzing en beide datums"),
    "continues_no_follow_up": ("continues '{ref}', but session {session} has no follow-up "
                               "'{follow_up}'",
                               "is een vervolg op '{ref}', maar sessie {session} heeft geen "
                               "vervolgvraag '{follow_up}'"),
    "continues_no_follow_up_hint": ("check the id after the '#' in that session's follow_ups",
                                    "controleer de id na de '#' in de follow_ups van die "
                                    "sessie"),
}
