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
}
