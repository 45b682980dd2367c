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
    "step_help": ("The step to run: its number, its title or its name (without it, the steps "
                  "are listed).",
                  "De stap om te doorlopen: het nummer, de titel of de naam (zonder deze optie "
                  "worden de stappen getoond)."),
    "drafts_help": ("List the unfinished drafts in the sessions folder, or remove some.",
                    "Toon de onafgemaakte concepten in de sessiemap, of verwijder er een paar."),
    "drafts_remove_help": ("Remove this draft (its number in the list, or its file); may be "
                           "given more than once.",
                           "Verwijder dit concept (het nummer in de lijst, of het bestand); mag "
                           "vaker worden gegeven."),
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
    # quick entry and help (issue 10)
    "now": ("Now: {text}", "Nu: {text}"),
    "help_confirm": ("Answer y (yes) or n (no).", "Antwoord j (ja) of n (nee)."),
    "help_menu": ("The {label} above stay as they are with Enter. A number opens that one to "
                  "change it (Enter keeps each answer), -number removes it, + adds more.",
                  "De {label} hierboven blijven zoals ze zijn met Enter. Een nummer opent die "
                  "om te wijzigen (Enter houdt elk antwoord), -nummer verwijdert hem, + voegt "
                  "er meer toe."),
    "help_review": ("Enter saves the session. A number from 1 to {count} opens that step "
                    "again; afterwards you come back here.",
                    "Enter bewaart de sessie. Een nummer van 1 tot en met {count} opent die "
                    "stap opnieuw; daarna kom je hier terug."),
    "help_none": ("Type an answer, or see the keys below.",
                  "Typ een antwoord, of zie de toetsen hieronder."),
    "help_date": ("A date: 28-01-2021, 28/1/2021, 28 januari 2021 or 2021-01-28; it is "
                  "stored as 2021-01-28.",
                  "Een datum: 28-01-2021, 28/1/2021, 28 januari 2021 of 2021-01-28; hij wordt "
                  "bewaard als 2021-01-28."),
    "help_flag": ("Answer y (yes) or n (no).", "Antwoord j (ja) of n (nee)."),
    "help_tags": ("Words separated by commas, without spaces in a word (use -): "
                  "financiering, integraal-werken.",
                  "Woorden met komma's ertussen, zonder spaties in een woord (gebruik -): "
                  "financiering, integraal-werken."),
    "help_text": ("Any text. End a line with \\ to go on with a new line.",
                  "Vrije tekst. Eindig een regel met \\ om op een nieuwe regel verder te "
                  "gaan."),
    "help_line": ("One line of text.", "Eén regel tekst."),
    "help_empty": ("It may stay empty; - empties what is in brackets.",
                   "Mag leeg blijven; - maakt leeg wat tussen haken staat."),
    "help_count": ("A whole number, like 2.", "Een heel getal, zoals 2."),
    "help_id": ("Lowercase letters, digits and -, like projectleider-ohv; other entries "
                "refer to it.",
                "Kleine letters, cijfers en -, zoals projectleider-ohv; andere items "
                "verwijzen ernaar."),
    "help_participant": ("A participant: their number, function or name.",
                         "Een deelnemer: het nummer, de functie of de naam."),
    "help_choices": ("One, or up to {max}, separated by commas.",
                     "Eén, of hoogstens {max}, met komma's ertussen."),
    "help_sdg": ("One SDG at a time, by number (4, SDG 4) or name; its note after a colon: "
                 "4: Draagt bij aan beter onderwijs.",
                 "Eén SDG tegelijk, met nummer (4, SDG 4) of naam; de toelichting na een "
                 "dubbele punt: 4: Draagt bij aan beter onderwijs."),
    "help_earlier": ("The number of the earlier question this one continues (Enter: none):",
                     "Het nummer van de eerdere vraag die deze voortzet (Enter: geen):"),
    "help_neighbours": ("Neighbours (may be chosen together, for someone on the border): "
                        "{near}. Not together (diagonal): {far}.",
                        "Buren (samen te kiezen, voor wie op het grensvlak zit): {near}. "
                        "Niet samen (diagonaal): {far}."),
    "help_semicolons": ("All on one line: {first}; {rest} (leave a part empty to keep its "
                        "default; end with ; to be asked nothing more).",
                        "Alles op één regel: {first}; {rest} (laat een deel leeg voor de "
                        "standaard; eindig met ; om niets meer gevraagd te krijgen)."),
    "help_mark_tags": ("#word at the end: {label} (#vertrouwen #draagvlak; # alone: none).",
                       "#woord aan het eind: {label} (#vertrouwen #draagvlak; # alleen: geen)."),
    "help_mark_flag": ("! at the start: {label}.", "! aan het begin: {label}."),
    "help_mark_at": ("@ after a space, then the rest of the line: {label} (@ alone: none).",
                     "@ na een spatie, dan de rest van de regel: {label} (@ alleen: geen)."),
    "help_mark_earlier": ("^number after a space: {label} (the list above).",
                          "^nummer na een spatie: {label} (de lijst hierboven)."),
    "help_mark_colon": ("After a colon: {label}.", "Na een dubbele punt: {label}."),
    "help_complete": ("With one of these marks the line is the whole entry: nothing more is "
                      "asked. Without, the other questions follow one by one.",
                      "Met een van deze tekens is de regel het hele item: er wordt niets meer "
                      "gevraagd. Zonder volgen de andere vragen een voor een."),
    "help_example": ("For example: {example}", "Bijvoorbeeld: {example}"),
    "help_paste": ("Paste several lines at once: each line becomes an entry of its own.",
                   "Plak meerdere regels tegelijk: elke regel wordt een eigen item."),
    "help_roles": ("The roles in the order of the project, separated by commas; each by "
                   "number or name. Add * for the usual role (also played now), put a usual "
                   "role that was not played in brackets, add the orientation when it is not "
                   "city-facing (intern), and @phase for when (it holds for the roles after "
                   "it too; @ alone ends it). A role of your own: other: its name. + asks "
                   "question by question, - removes all.",
                   "De rollen in de volgorde van het project, met komma's ertussen; elk met "
                   "nummer of naam. Zet * achter de gebruikelijke rol (ook nu gespeeld), zet "
                   "een gebruikelijke rol die niet gespeeld is tussen haakjes, zet de "
                   "richting erachter als die niet stadsgericht is (intern), en @fase voor "
                   "wanneer (geldt ook voor de rollen erna; @ alleen stopt het). Een eigen "
                   "rol: anders: de naam. + vraagt het rol voor rol, - haalt alle rollen weg."),
    "help_roles_example": ("For example: (financier), adviser*, project leader, co-creator, "
                           "guide of internal decision making internal",
                           "Bijvoorbeeld: (financierder), adviseur*, projectleider, co-creator, "
                           "begeleider besluitvorming intern"),
    "help_role_notes": ("A note per role, after its number: 1: Usual role at school housing. "
                        "End a line with \\ for the next role's note. With one role the "
                        "number may be left out; - removes the notes.",
                        "Een toelichting per rol, na het nummer: 1: Gebruikelijke rol bij "
                        "onderwijshuisvesting. Eindig een regel met \\ voor de toelichting "
                        "bij de volgende rol. Bij één rol mag het nummer weg; - haalt de "
                        "toelichtingen weg."),
    "roles_ask": ("Roles (in order; ? for how to write them)",
                  "Rollen (in volgorde; ? voor de schrijfwijze)"),
    "roles_choices": ("Roles: {choices}", "Rollen: {choices}"),
    "role_notes_ask": ("Notes to these roles (1: ...; may stay empty)",
                       "Toelichting bij deze rollen (1: ...; mag leeg blijven)"),
    "not_a_role": ("'{value}' is not a role; type a number or a name from the list, or "
                   "{other}: its name",
                   "'{value}' is geen rol; typ een nummer of naam uit de lijst, of "
                   "{other}: de naam"),
    "not_a_role_suggest": ("'{value}' is not a role; did you mean {suggestion}?",
                           "'{value}' is geen rol; bedoel je {suggestion}?"),
    "other_needs_name": ("'{other}' needs a name of its own: {other}: the name",
                         "'{other}' heeft een eigen naam nodig: {other}: de naam"),
    "no_such_role_number": ("there is no role {number}; the roles are numbered 1 to {count}",
                            "er is geen rol {number}; de rollen zijn genummerd van 1 tot en "
                            "met {count}"),
    "role_note_twice": ("role {number} has two notes; put them in one",
                        "rol {number} heeft twee toelichtingen; zet ze in één"),
    "role_note_number": ("start with the number of the role: 1: ... (there are {count} roles)",
                         "begin met het nummer van de rol: 1: ... (er zijn {count} rollen)"),
    "too_many_parts": ("more parts than questions: after the first come {names}",
                       "meer delen dan vragen: na het eerste komen {names}"),
    "not_a_date": ("{label}: '{value}' is not a date; write it like 28-01-2021, 28 januari "
                   "2021 or 2021-01-28",
                   "{label}: '{value}' is geen datum; schrijf hem als 28-01-2021, 28 januari "
                   "2021 of 2021-01-28"),
    "yes_or_no": ("answer y or n", "antwoord j of n"),
    "none_ask": ("No {label}? (y/n)", "Geen {label}? (j/n)"),
    "confidential": ("confidential", "vertrouwelijk"),
    "earlier_open": ("Open questions of earlier meetings (a new question that continues one: "
                     "end it with {mark}number):",
                     "Open vragen uit eerdere bijeenkomsten (een nieuwe vraag die er een "
                     "voortzet: eindig met {mark}nummer):"),
    "no_such_earlier": ("'{value}' is not one of the earlier questions; type a number from 1 "
                        "to {count}",
                        "'{value}' is geen van de eerdere vragen; typ een nummer van 1 tot en "
                        "met {count}"),
    "meeting_number": ("meeting {number}, {date}", "bijeenkomst {number}, {date}"),
    "refs_by": ("the author of {count} finding(s)", "de auteur van {count} bevinding(en)"),
    "refs_owner": ("the owner of {count} follow-up(s)",
                   "de eigenaar van {count} vervolgvraag/-vragen"),
    "renamed": ("{old} is now {new}; changed with it: {what}",
                "{old} heet nu {new}; mee veranderd: {what}"),
    "goes_position": ("their place in the NSOB model", "de plek in het NSOB-model"),
    "goes_roles": ("{count} role(s)", "{count} rol(len)"),
    "goes": ("With them go {what}.", "Daarmee verdwijnen {what}."),
    "goes_refs": ("They are no longer named as {what}.",
                  "Ze worden niet meer genoemd als {what}."),
    "remove_ask": ("Remove {person}? {what} (y/n)", "{person} verwijderen? {what} (j/n)"),
    "review_missing": ("Still needed before it can be final: {what}",
                       "Nog nodig voordat het definitief kan: {what}"),
    "next_finalize": ("Complete: make it final with: evaltool finalize {path}",
                      "Volledig: maak het definitief met: evaltool finalize {path}"),
    "next_missing": ("Before it can be final: {what}", "Voordat het definitief kan: {what}"),
    "next_edit": ("Add it with: evaltool edit {path} --step {step}",
                  "Vul het aan met: evaltool edit {path} --step {step}"),
    "next_summarize": ("The report: evaltool summarize {path}",
                       "Het verslag: evaltool summarize {path}"),
    # saving
    "exists_ask": ("{path} exists already. o: overwrite, n: new name, c: cancel",
                   "{path} bestaat al. o: overschrijven, n: nieuwe naam, a: annuleren"),
    "exists_bad": ("type o, n or c", "typ o, n of a"),
    "new_name": ("New name (a few words)", "Nieuwe naam (een paar woorden)"),
    "saved": ("Saved {path}", "Bewaard: {path}"),
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
    "interrupted_empty": ("Stopped. Nothing was typed yet, so no draft was kept.",
                          "Gestopt. Er was nog niets ingevuld, dus er is geen concept bewaard."),
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
    "step_needed": ("which step? Use --step with a number, title or name",
                    "welke stap? Gebruik --step met een nummer, titel of naam"),
    "step_line": ("{n}. {title} ({name})", "{n}. {title} ({name})"),
    "steps": ("The steps:", "De stappen:"),
    "step_ask": ("Which step (number, title or name)", "Welke stap (nummer, titel of naam)"),
    "step_bad": ("type a number from 1 to {count}, or a step's title or name",
                 "typ een nummer van 1 tot en met {count}, of de titel of naam van een stap"),
    # drafts
    "drafts_found": ("Unfinished drafts:", "Onafgemaakte concepten:"),
    "drafts_ask": ("Number of a draft to continue it, or Enter for a new session",
                   "Nummer van een concept om verder te gaan, of Enter voor een nieuwe sessie"),
    "drafts_bad": ("type a number from 1 to {count}, or Enter",
                   "typ een nummer van 1 tot en met {count}, of Enter"),
    "draft_line": ("{number}. {title} · {date} · {step} · last changed {changed} · {path}",
                   "{number}. {title} · {date} · {step} · laatst gewijzigd {changed} · {path}"),
    "draft_step": ("step {n} of {total}: {title}", "stap {n} van {total}: {title}"),
    "draft_untitled": ("(no title yet)", "(nog geen titel)"),
    "draft_in_use_mark": ("open in another wizard", "open in een andere wizard"),
    "draft_in_use": ("this draft is open in another wizard", "dit concept is open in een "
                     "andere wizard"),
    "draft_in_use_hint": ("finish or stop that one first; evaltool drafts lists them all",
                          "maak die eerst af of stop hem; evaltool drafts toont ze allemaal"),
    "several_drafts": ("{count} unfinished drafts: which one?",
                       "{count} onafgemaakte concepten: welke?"),
    "several_drafts_hint": ("name it: evaltool new-session --resume DRAFT",
                            "noem het: evaltool new-session --resume CONCEPT"),
    "draft_listed": ("{line}", "{line}"),
    "no_draft_chosen": ("no draft was chosen", "er is geen concept gekozen"),
    "no_drafts": ("No drafts in {folder}.", "Geen concepten in {folder}."),
    "drafts_how": ("Continue one with: evaltool new-session --resume DRAFT; remove one with: "
                   "evaltool drafts --remove NUMBER",
                   "Ga verder met: evaltool new-session --resume CONCEPT; verwijder er een "
                   "met: evaltool drafts --remove NUMMER"),
    "no_such_draft": ("'{value}' is not one of the drafts",
                      "'{value}' is geen van de concepten"),
    "no_such_draft_hint": ("see the list with: evaltool drafts",
                           "zie de lijst met: evaltool drafts"),
    "draft_removed": ("Removed {path}", "Verwijderd: {path}"),
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
