"""Texts of the guided evaluation: new-session, templates, edit and finalize."""

MESSAGES = {
    # commands and options
    "new_session_help": (
        "Run a guided evaluation and save it as sessions/<date>-<slug>.yaml.",
        "Doorloop een begeleide evaluatie en bewaar haar als sessions/<datum>-<slug>.yaml."),
    "draft_arg_help": ("The draft to continue (with --resume; default: the newest).",
                       "Het concept om mee verder te gaan (met --resume; standaard: het "
                       "nieuwste)."),
    "template_help": ("The template with the steps (see: evaltool templates).",
                      "Het sjabloon met de stappen (zie: evaltool templates)."),
    "answers_help": ("Take the answers from this YAML file instead of asking.",
                     "Neem de antwoorden uit dit YAML-bestand in plaats van te vragen."),
    "defaults_help": ("Accept the template's defaults without asking.",
                      "Neem de standaardwaarden van het sjabloon over zonder te vragen."),
    "resume_help": ("Continue an interrupted session from its draft.",
                    "Ga verder met een onderbroken sessie vanuit haar concept."),
    "force_help": ("Overwrite an existing session file with the same name.",
                   "Overschrijf een bestaand sessiebestand met dezelfde naam."),
    "interactive_help": ("Ask on standard input even when it is not a terminal.",
                         "Vraag via standaardinvoer, ook als dat geen terminal is."),
    "templates_help": ("List the templates new-session can use.",
                       "Toon de sjablonen die new-session kan gebruiken."),
    "edit_help": ("Run one step of the wizard again on an existing session file; "
                  "comments in the file are kept.",
                  "Doorloop één stap van de wizard opnieuw op een bestaand sessiebestand; "
                  "opmerkingen in het bestand blijven staan."),
    "edit_session_help": ("The session file to change.", "Het sessiebestand om te wijzigen."),
    "step_help": ("The step to run (its name; see the template).",
                  "De stap om te doorlopen (de naam; zie het sjabloon)."),
    "edit_resume_help": ("Continue an interrupted edit of this step from its draft.",
                         "Ga verder met een onderbroken wijziging van deze stap vanuit het "
                         "concept."),
    "finalize_help": ("Mark a session final, when it is complete and valid.",
                      "Markeer een sessie als definitief, als ze volledig en geldig is."),
    "finalize_session_help": ("The session file to finalize.",
                              "Het sessiebestand om definitief te maken."),
    # the terminal
    "step_of": ("step {n} of {total}", "stap {n} van {total}"),
    "keys": ("(Enter: keep what is in brackets · <: back · ?: help · Ctrl-C: stop, "
             "the draft is kept)",
             "(Enter: neem over wat tussen haken staat · <: terug · ?: hulp · Ctrl-C: "
             "stoppen, het concept blijft bewaard)"),
    "keys_skip": ("(Enter: keep what is in brackets · <: back · >: skip this step · ?: help · "
                  "Ctrl-C: stop, the draft is kept)",
                  "(Enter: neem over wat tussen haken staat · <: terug · >: sla deze stap over "
                  "· ?: hulp · Ctrl-C: stoppen, het concept blijft bewaard)"),
    "keys_edit": ("(Enter: keep what is in brackets · ?: help · Ctrl-C: stop; the file stays "
                  "as it was, the draft is kept)",
                  "(Enter: neem over wat tussen haken staat · ?: hulp · Ctrl-C: stoppen; het "
                  "bestand blijft zoals het was, het concept blijft bewaard)"),
    "keys_edit_skip": ("(Enter: keep what is in brackets · >: leave this step as it is · ?: "
                       "help · Ctrl-C: stop; the file stays as it was, the draft is kept)",
                       "(Enter: neem over wat tussen haken staat · >: laat deze stap zoals hij "
                       "is · ?: hulp · Ctrl-C: stoppen; het bestand blijft zoals het was, het "
                       "concept blijft bewaard)"),
    "keys_short": ("(<: back · ?: help)", "(<: terug · ?: hulp)"),
    "keys_short_skip": ("(<: back · >: skip · ?: help)", "(<: terug · >: overslaan · ?: hulp)"),
    "multiline": ("End a line with \\ to go on with a new line.",
                  "Eindig een regel met \\ om op een nieuwe regel verder te gaan."),
    "choices": ("Choose by number or name:", "Kies met nummer of naam:"),
    "first_step": ("This is the first step.", "Dit is de eerste stap."),
    "cannot_skip": ("this step cannot be skipped", "deze stap kan niet worden overgeslagen"),
    "required": ("{label}: an answer is needed here", "{label}: hier is een antwoord nodig"),
    "list_now": ("{label}: what is there now", "{label}: wat er nu staat"),
    "menu_ask": ("Number to change, -number to remove, + to add, Enter to go on",
                 "Nummer om te wijzigen, -nummer om te verwijderen, + om toe te voegen, "
                 "Enter om door te gaan"),
    "menu_bad": ("type a number from 1 to {count}, -number, + or Enter",
                 "typ een nummer van 1 tot en met {count}, -nummer, + of Enter"),
    "no_participants": ("There are no participants yet; add them in the first step.",
                        "Er zijn nog geen deelnemers; voeg ze toe in de eerste stap."),
    "pick": ("{label}: participant number (Enter when done)",
             "{label}: nummer van de deelnemer (Enter als je klaar bent)"),
    "no_such_participant": ("'{value}' is not a participant; type a number from 1 to {count}",
                            "'{value}' is geen deelnemer; typ een nummer van 1 tot en met "
                            "{count}"),
    "earlier_item": ("From {session}: {question}", "Uit {session}: {question}"),
    "too_many": ("{label}: at most {max}", "{label}: hoogstens {max}"),
    "twice": ("{label}: this is listed already", "{label}: dit staat er al"),
    "not_a_flag": ("{label}: answer yes or no", "{label}: antwoord ja of nee"),
    "not_an_sdg": ("'{value}' is not an SDG; type a number from 1 to 17 or a goal's name",
                   "'{value}' is geen SDG; typ een nummer van 1 tot en met 17 of de naam van "
                   "een doel"),
    "one_sdg": ("one SDG at a time: type {first} now; the next one is asked after its note",
                "één SDG tegelijk: typ nu {first}; de volgende wordt na de toelichting gevraagd"),
    "bad_tag": ("'{tag}' is not a tag: one word (use - between words), no #, [ ] or {{ }}",
                "'{tag}' is geen trefwoord: één woord (gebruik - tussen woorden), geen #, "
                "[ ] of {{ }}"),
    "id_taken": ("'{id}' is used already; choose another", "'{id}' is al in gebruik; kies "
                 "een ander"),
    "not_a_choice": ("'{value}' is not one of the choices: {choices}",
                     "'{value}' is geen van de keuzes: {choices}"),
    "not_a_choice_suggest": ("'{value}' is not one of the choices; did you mean "
                             "{suggestion}? Choices: {choices}",
                             "'{value}' is geen van de keuzes; bedoel je {suggestion}? "
                             "Keuzes: {choices}"),
    "yes": ("yes", "ja"),
    "no": ("no", "nee"),
    "nothing_yet": ("(nothing yet)", "(nog niets)"),
    "review": ("review", "overzicht"),
    "review_title": ("Everything before it is saved", "Alles voordat het wordt bewaard"),
    "review_ask": ("Enter to save, or a step's number to change it",
                   "Enter om te bewaren, of het nummer van een stap om die te wijzigen"),
    "review_bad": ("type a number from 1 to {count}, or Enter to save",
                   "typ een nummer van 1 tot en met {count}, of Enter om te bewaren"),
    "resumed": ("Continuing from {draft}.", "Verder vanaf {draft}."),
    "warning": ("warning", "waarschuwing"),
    "skipped": ("skipped", "overgeslagen"),
    # saving
    "exists_ask": ("{path} exists already. o: overwrite, n: new name, c: cancel",
                   "{path} bestaat al. o: overschrijven, n: nieuwe naam, a: annuleren"),
    "exists_bad": ("type o, n or c", "typ o, n of a"),
    "new_name": ("New name (a few words)", "Nieuwe naam (een paar woorden)"),
    "saved": ("Saved {path}", "Bewaard: {path}"),
    "saved_next": ("Check it with: evaltool validate {path}",
                   "Controleer het met: evaltool validate {path}"),
    "saved_later": ("Later: evaltool edit {path} --step afterwards, then evaltool finalize "
                    "{path}",
                    "Later: evaltool edit {path} --step afterwards, daarna evaltool finalize "
                    "{path}"),
    "unchanged": ("Nothing changed in {path}.", "Er is niets veranderd in {path}."),
    "list_counts": ("{label}: {old} before, {new} now", "{label}: eerst {old}, nu {new}"),
    "edited": ("Saved {path} (step {step}).", "Bewaard: {path} (stap {step})."),
    "back_to_draft": ("{path} is no longer complete; its status is now draft.",
                      "{path} is niet meer volledig; de status is nu draft."),
    "finalized": ("{path} is final.", "{path} is definitief."),
    "already_final": ("{path} was final already.", "{path} was al definitief."),
    # faults
    "interrupted": ("Stopped. Your answers are kept in {draft}; continue with: {command}",
                    "Gestopt. Je antwoorden staan in {draft}; ga verder met: {command}"),
    "interrupted_edit": ("Stopped; {path} is unchanged.",
                         "Gestopt; {path} is niet veranderd."),
    "interrupted_edit_draft": ("Stopped; {path} is unchanged. Your answers are kept in {draft}; "
                               "continue with: {command}",
                               "Gestopt; {path} is niet veranderd. Je antwoorden staan in "
                               "{draft}; ga verder met: {command}"),
    "cancelled": ("Not saved. Your answers are kept in {draft}; continue with: {command}",
                  "Niet bewaard. Je antwoorden staan in {draft}; ga verder met: {command}"),
    "draft_kept": ("your answers are kept in {draft}", "je antwoorden staan in {draft}"),
    "draft_kept_hint": ("fix the problem, then continue with: {command}",
                        "los het probleem op en ga dan verder met: {command}"),
    "no_terminal": ("no terminal to ask the questions in",
                    "geen terminal om de vragen in te stellen"),
    "no_terminal_hint": ("run it in a terminal, or give the answers in a file with "
                         "--answers FILE (see the README)",
                         "draai het in een terminal, of geef de antwoorden in een bestand met "
                         "--answers BESTAND (zie de README)"),
    "cannot_write_sessions": ("the sessions folder cannot be written: {reason}",
                              "in de sessiemap kan niet geschreven worden: {reason}"),
    "cannot_write_sessions_hint": ("check the folder and its permissions, or choose another "
                                   "with --sessions-dir; nothing was asked yet",
                                   "controleer de map en de rechten, of kies een andere met "
                                   "--sessions-dir; er is nog niets gevraagd"),
    "no_draft": ("no draft to continue in {folder}", "geen concept om mee verder te gaan in "
                 "{folder}"),
    "no_draft_hint": ("start a new session with: evaltool new-session",
                      "begin een nieuwe sessie met: evaltool new-session"),
    "draft_without_resume": ("a draft was named without --resume",
                             "er is een concept genoemd zonder --resume"),
    "draft_without_resume_hint": ("use: evaltool new-session --resume DRAFT",
                                  "gebruik: evaltool new-session --resume CONCEPT"),
    "resume_with_answers": ("--resume and --answers cannot be combined",
                            "--resume en --answers gaan niet samen"),
    "resume_with_answers_hint": ("continue the draft in a terminal, or run the answers file "
                                 "on its own",
                                 "ga in een terminal verder met het concept, of gebruik het "
                                 "antwoordenbestand los"),
    "not_a_draft": ("not a draft of evaltool", "geen concept van evaltool"),
    "not_a_draft_hint": ("drafts are in the sessions folder under .drafts/",
                         "concepten staan in de sessiemap onder .drafts/"),
    "other_template": ("the answers are for template '{found}', not '{wanted}'",
                       "de antwoorden zijn voor sjabloon '{found}', niet '{wanted}'"),
    "other_template_hint": ("use --template {found}, or change 'template:' in the file",
                            "gebruik --template {found}, of pas 'template:' in het bestand aan"),
    "unknown_step": ("no step called '{step}' in template {template}",
                     "geen stap met de naam '{step}' in sjabloon {template}"),
    "unknown_step_hint": ("the steps are: {steps}", "de stappen zijn: {steps}"),
    "final_missing": ("not complete: {what} (step {step})",
                      "niet volledig: {what} (stap {step})"),
    "final_missing_hint": ("add it with: evaltool edit {path} --step {step}",
                           "vul het aan met: evaltool edit {path} --step {step}"),
    "at_least": ("at least {count} × {label}", "minstens {count} × {label}"),
    "needs_role": ("a participant with the role {role}", "een deelnemer met de rol {role}"),
    # answer files
    "answer_problem": ("{message}", "{message}"),
    "answer_missing": ("{field} is missing ({label})", "{field} ontbreekt ({label})"),
    "answer_missing_hint": ("add it to the answers file, or use --defaults where the template "
                            "has a default",
                            "voeg het toe aan het antwoordenbestand, of gebruik --defaults "
                            "waar het sjabloon een standaard heeft"),
    "answers_unknown": ("{field} is not asked by this template here",
                        "{field} wordt hier niet gevraagd door dit sjabloon"),
    "answers_unknown_hint": ("check the spelling and the place; the README lists the keys",
                             "controleer spelling en plek; de README noemt de sleutels"),
    "answers_unknown_suggest": ("did you mean {suggestion}?", "bedoel je {suggestion}?"),
    "answers_other_step": ("{field} belongs to step '{step}', which is not run here",
                           "{field} hoort bij stap '{step}', die hier niet wordt doorlopen"),
    "answers_other_step_hint": ("use --step {step} for that step, or leave it out of this file",
                                "gebruik --step {step} voor die stap, of laat het weg uit dit "
                                "bestand"),
    "answers_need_text": ("{field} must be text", "{field} moet tekst zijn"),
    "answers_need_list": ("{field} must be a list of entries ('- key: value', or '- value' "
                          "for the first question)",
                          "{field} moet een lijst van items zijn ('- sleutel: waarde', of "
                          "'- waarde' voor de eerste vraag)"),
    "answers_need_mapping": ("{field} must map each participant to their answers",
                             "{field} moet per deelnemer de antwoorden geven"),
    # templates
    "templates_hint": ("see the list with: evaltool templates",
                       "zie de lijst met: evaltool templates"),
    "template_line": ("{name}: {label} ({steps} steps)", "{name}: {label} ({steps} stappen)"),
    "template_line_earlier": ("{name}: {label} ({steps} steps; +{extra} when earlier sessions "
                              "left follow-ups open)",
                              "{name}: {label} ({steps} stappen; +{extra} als eerdere sessies "
                              "vervolgvragen open lieten)"),
    "template_fix_hint": ("compare it with the bundled template casus-evaluatie.yaml "
                          "(evaltool templates shows where it is)",
                          "vergelijk het met het meegeleverde sjabloon casus-evaluatie.yaml "
                          "(evaltool templates toont waar het staat)"),
    "template_target": ("template step {step}, part {part}: no place '{target}' in a session",
                        "sjabloonstap {step}, deel {part}: geen plek '{target}' in een sessie"),
    "template_field": ("template step {step}: {model} has no field '{question}'",
                       "sjabloonstap {step}: {model} heeft geen veld '{question}'"),
}
