"""Texts of the commands for working with git: fmt, diff, git-setup and git's helpers."""

MESSAGES = {
    # fmt
    "fmt_help": ("Rewrite session files in canonical form, keeping comments "
                 "(--check: only list the files that would change).",
                 "Herschrijf sessiebestanden in de vaste vorm, met behoud van commentaar "
                 "(--check: noem alleen de bestanden die zouden veranderen)."),
    "fmt_paths_help": ("Session files or folders (default: the sessions folder).",
                       "Sessiebestanden of mappen (standaard: de sessiemap)."),
    "fmt_check_help": ("Change nothing; list the files that would change and exit 1 if any "
                       "would (for CI).",
                       "Verander niets; noem de bestanden die zouden veranderen en stop met "
                       "code 1 als dat er een is (voor CI)."),
    "fmt_would_change": ("would reformat {path}", "zou {path} herschrijven"),
    "fmt_changed": ("reformatted {path}", "{path} herschreven"),
    "fmt_summary": ("{checked} file(s): {changed} reformatted, {unchanged} unchanged, "
                    "{invalid} invalid",
                    "{checked} bestand(en): {changed} herschreven, {unchanged} ongewijzigd, "
                    "{invalid} ongeldig"),
    "fmt_check_summary": ("{checked} file(s): {changed} would be reformatted, {unchanged} "
                          "unchanged, {invalid} invalid",
                          "{checked} bestand(en): {changed} zou(den) herschreven worden, "
                          "{unchanged} ongewijzigd, {invalid} ongeldig"),
    "no_files": ("no session files found in {where}",
                 "geen sessiebestanden gevonden in {where}"),
    "no_files_hint": ("name a session file or a folder that holds them",
                      "geef een sessiebestand op of een map waarin ze staan"),
    # diff: the command
    "diff_help": ("Show what changed between two session files, matched by id "
                  "(exit 0: the same, 1: different).",
                  "Toon wat er veranderd is tussen twee sessiebestanden, gekoppeld op id "
                  "(code 0: gelijk, 1: verschillend)."),
    "diff_old_help": ("The old session file.", "Het oude sessiebestand."),
    "diff_public_help": (
        "Publication mode, for a comment on a pull request: both versions anonymised and "
        "checked as for summarize --public; participants shown as p1, p2, ...",
        "Publicatiemodus, voor een reactie op een pull request: beide versies "
        "geanonimiseerd en gecontroleerd als bij summarize --public; deelnemers als p1, "
        "p2, ..."),
    "diff_new_help": ("The new session file.", "Het nieuwe sessiebestand."),
    "format_help": ("Output: text (coloured in a terminal), markdown (for a pull request) "
                    "or json.",
                    "Uitvoer: text (in kleur in een terminal), markdown (voor een pull "
                    "request) of json."),
    "color_help": ("Colour: auto (in a terminal, unless NO_COLOR is set), always or never.",
                   "Kleur: auto (in een terminal, tenzij NO_COLOR gezet is), always of "
                   "never."),
    "bad_choice": ("'{value}' is not one of {choices}", "'{value}' is niet een van {choices}"),
    "no_changes": ("no changes", "geen wijzigingen"),
    "change_count": ("{count} change(s)", "{count} wijziging(en)"),
    "md_title": ("Changes in {path}", "Wijzigingen in {path}"),
    # diff: subjects
    "subject_session": ("session", "sessie"),
    "subject_casus": ("casus", "casus"),
    "subject_sdg": ("SDG {goal} ({label})", "SDG {goal} ({label})"),
    "subject_participant": ("participant `{id}`", "deelnemer `{id}`"),
    "subject_role": ("participant `{id}`: role {role}", "deelnemer `{id}`: rol {role}"),
    "subject_position": ("NSOB position of `{id}`", "NSOB-positie van `{id}`"),
    "subject_finding": ("{kind} `{id}`", "{kind} `{id}`"),
    "subject_follow_up": ("follow-up `{id}`", "vervolgvraag `{id}`"),
    "subject_person": ("person `{id}`", "persoon `{id}`"),
    "confidential_mark": ("[confidential]", "[vertrouwelijk]"),
    # diff: what happened
    "added": ("{subject} added: {new}", "{subject} toegevoegd: {new}"),
    "removed": ("{subject} removed: {old}", "{subject} verwijderd: {old}"),
    "sdg_added": ("SDG added: {new}", "SDG toegevoegd: {new}"),
    "sdg_removed": ("SDG removed: {old}", "SDG verwijderd: {old}"),
    "role_added": ("participant `{id}`: role added: {new}",
                   "deelnemer `{id}`: rol toegevoegd: {new}"),
    "role_removed": ("participant `{id}`: role removed: {old}",
                     "deelnemer `{id}`: rol verwijderd: {old}"),
    "changed": ("{subject}: {field} {old} → {new}", "{subject}: {field} {old} → {new}"),
    "changed_long": ("{subject}: {field} changed:", "{subject}: {field} gewijzigd:"),
    "set": ("{subject}: {field} added: {new}", "{subject}: {field} toegevoegd: {new}"),
    "cleared": ("{subject}: {field} removed (was: {old})",
                "{subject}: {field} verwijderd (was: {old})"),
    "tags_added": ("{subject}: tags added: {new}", "{subject}: tags toegevoegd: {new}"),
    "tags_removed": ("{subject}: tags removed: {old}", "{subject}: tags verwijderd: {old}"),
    "position_changed": ("{subject}: {old} → {new}", "{subject}: {old} → {new}"),
    "border": ("on the border {first}/{second}", "op het grensvlak {first}/{second}"),
    "none": ("(none)", "(geen)"),
    "yes": ("yes", "ja"),
    "no": ("no", "nee"),
    "usual": ("usual", "gebruikelijk"),
    "not_played": ("not played", "niet gespeeld"),
    "status_draft": ("draft", "concept"),
    "status_final": ("final", "definitief"),
    "new_file": ("new session file {path}", "nieuw sessiebestand {path}"),
    "deleted_file": ("session file deleted: {path}", "sessiebestand verwijderd: {path}"),
    "invalid_side": ("{side} version does not validate ({problem}); showing the text as "
                     "written",
                     "{side} versie is niet geldig ({problem}); de tekst wordt getoond zoals "
                     "hij geschreven is"),
    "side_old": ("the old", "de oude"),
    "side_new": ("the new", "de nieuwe"),
    "fact_role": ("participant `{id}`: role: {role}", "deelnemer `{id}`: rol: {role}"),
    "textconv_invalid": ("evaltool: this version does not validate ({problem}); shown as "
                         "written",
                         "evaltool: deze versie is niet geldig ({problem}); getoond zoals "
                         "geschreven"),
    # field names, as a reviewer reads them
    "field_id": ("id", "id"),
    "field_vocabulary": ("vocabulary", "vocabulaire"),
    "field_status": ("status", "status"),
    "field_schema_version": ("schema version", "schemaversie"),
    "field_reflection": ("reflection", "reflectie"),
    "field_next_session": ("next session", "volgende sessie"),
    "field_notes": ("notes", "aantekeningen"),
    "field_not_people": ("words that are not people", "woorden die geen persoon zijn"),
    "field_title": ("title", "titel"),
    "field_date": ("date", "datum"),
    "field_organisation": ("organisation", "organisatie"),
    "field_learning_route": ("learning route", "leerroute"),
    "field_session_number": ("session number", "sessienummer"),
    "field_description": ("description", "beschrijving"),
    "field_plan": ("the dream / the plan", "de droom / het plan"),
    "field_realised": ("realised", "gerealiseerd"),
    "field_judgement": ("judgement", "oordeel"),
    "field_judgement_note": ("note on the judgement", "toelichting op het oordeel"),
    "field_name": ("name", "naam"),
    "field_function": ("function", "functie"),
    "field_department": ("department", "afdeling"),
    "field_affiliation": ("affiliation", "achtergrond"),
    "field_attendance": ("attendance", "aanwezigheid"),
    "field_session_role": ("session role", "rol in de sessie"),
    "field_label": ("label", "label"),
    "field_orientation": ("orientation", "oriëntatie"),
    "field_usual": ("usual", "gebruikelijk"),
    "field_played": ("played", "gespeeld"),
    "field_phase": ("phase", "fase"),
    "field_note": ("note", "toelichting"),
    "field_quadrants": ("quadrants", "kwadranten"),
    "field_kind": ("kind", "soort"),
    "field_text": ("text", "tekst"),
    "field_by": ("by", "door"),
    "field_tags": ("tags", "tags"),
    "field_confidential": ("confidential", "vertrouwelijk"),
    "field_question": ("question", "vraag"),
    "field_owner": ("owner", "eigenaar"),
    "field_due": ("due", "uiterlijk"),
    "field_continues": ("continues", "vervolg op"),
    # git-setup
    "git_setup_help": ("Set up this git repository so that git diff, git log -p and git merge "
                       "understand session files.",
                       "Richt deze git-repository zo in dat git diff, git log -p en git merge "
                       "sessiebestanden begrijpen."),
    "not_a_repository": ("not inside a git repository", "niet in een git-repository"),
    "not_a_repository_hint": ("run git init first, or cd into your repository",
                              "draai eerst git init, of ga naar je repository"),
    "git_missing": ("git is not installed or cannot be run", "git is niet geïnstalleerd of "
                    "kan niet gestart worden"),
    "git_missing_hint": ("install git and try again", "installeer git en probeer het opnieuw"),
    "git_failed": ("git {command} failed: {reason}", "git {command} mislukte: {reason}"),
    "git_failed_hint": ("nothing else was changed", "verder is er niets veranderd"),
    "sessions_outside": ("the sessions folder {path} is not inside the repository {root}",
                         "de sessiemap {path} ligt niet in de repository {root}"),
    "sessions_outside_hint": ("use --sessions-dir to name a folder inside it",
                              "gebruik --sessions-dir voor een map daarbinnen"),
    "setup_added": ("added to {file}: {line}", "toegevoegd aan {file}: {line}"),
    "setup_replaced": ("updated in {file}: {line}", "bijgewerkt in {file}: {line}"),
    "setup_kept": ("already in {file}: {line}", "staat al in {file}: {line}"),
    "setup_schema": ("wrote {file} (evaltool schema), which the first line of every session "
                     "file names for editors",
                     "{file} geschreven (evaltool schema), dat de eerste regel van elk "
                     "sessiebestand noemt voor editors"),
    "setup_set": ("set git config {key} = {value}", "git config {key} = {value} ingesteld"),
    "setup_same": ("already set: git config {key}", "al ingesteld: git config {key}"),
    "setup_done": ("git diff, git log -p and git merge now understand {pattern}; commit "
                   ".gitattributes and the schema, and run evaltool git-setup once in every "
                   "clone",
                   "git diff, git log -p en git merge begrijpen nu {pattern}; commit "
                   ".gitattributes en het schema, en draai evaltool git-setup één keer in elke "
                   "kloon"),
    "helper_help": ("Used by git (set up by evaltool git-setup); not for direct use.",
                    "Gebruikt door git (ingericht door evaltool git-setup); niet om zelf te "
                    "gebruiken."),
    # merge driver
    "merge_conflict": ("evaltool: {count} conflict(s) in {path} left with markers; resolve "
                       "them, then run evaltool validate",
                       "evaltool: {count} conflict(en) in {path} met markeringen achtergelaten; "
                       "los ze op en draai daarna evaltool validate"),
    "merge_text_markers": ("evaltool: {path} merged by git as text ({reason}): {count} "
                           "conflict(s) left with markers; resolve them, then run evaltool "
                           "validate",
                           "evaltool: {path} door git als tekst samengevoegd ({reason}): "
                           "{count} conflict(en) met markeringen achtergelaten; los ze op en "
                           "draai daarna evaltool validate"),
    "merge_text_invalid": ("evaltool: {path} merged by git as text ({reason}): no conflict "
                           "markers, but the result does not validate; run evaltool validate "
                           "and fix what it names",
                           "evaltool: {path} door git als tekst samengevoegd ({reason}): geen "
                           "conflictmarkeringen, maar het resultaat is niet geldig; draai "
                           "evaltool validate en verbeter wat het noemt"),
    "reason_invalid": ("a version does not validate", "een versie is niet geldig"),
    "reason_comments": ("a comment would be lost otherwise",
                        "anders zou een commentaar verloren gaan"),
    "reason_result": ("the merged session would not validate",
                      "de samengevoegde sessie zou niet geldig zijn"),
}
