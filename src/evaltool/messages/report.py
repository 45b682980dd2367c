"""Texts of `evaltool summarize`: report headings, the overview, publication mode."""

MESSAGES = {
    # --- the command -----------------------------------------------------------------------
    "summarize_help": (
        "Summarise one session (with the NSOB map), or give the learning-route overview of "
        "several sessions or a folder, as text, Markdown, HTML or JSON.",
        "Vat één sessie samen (met de NSOB-kaart), of geef het overzicht van de leerroute "
        "over meerdere sessies of een map, als tekst, Markdown, HTML of JSON."),
    "paths_help": ("A session file, several files or folders (default: the sessions folder).",
                   "Een sessiebestand, meerdere bestanden of mappen (standaard: de sessiemap)."),
    "format_help": ("Output format: text, markdown, html or json.",
                    "Uitvoerformaat: text, markdown, html of json."),
    "output_help": ("Write the report to this file (atomically) instead of standard output.",
                    "Schrijf het verslag naar dit bestand (in één keer) in plaats van naar "
                    "standaarduitvoer."),
    "public_help": ("Publication mode (AVG/Woo): people only by function, names, e-mail "
                    "addresses and phone numbers removed, confidential items left out; "
                    "refuses when a name would survive.",
                    "Publicatiemodus (AVG/Woo): mensen alleen met hun functie, namen, "
                    "e-mailadressen en telefoonnummers weg, vertrouwelijke punten weggelaten; "
                    "weigert als er een naam zou overblijven."),
    "names_help": ("Show participants' names next to their function (never with --public).",
                   "Toon de namen van deelnemers naast hun functie (nooit met --public)."),
    "route_help": ("Only sessions of this learning route (casus.learning_route).",
                   "Alleen sessies van deze leerroute (casus.learning_route)."),
    "width_help": ("Width of the text report in columns (default: the terminal's).",
                   "Breedte van het tekstverslag in kolommen (standaard: die van de terminal)."),
    "bad_format": ("'{value}' is not a report format", "'{value}' is geen verslagformaat"),
    "bad_format_hint": ("use one of: {formats}", "gebruik een van: {formats}"),
    "names_and_public": ("--names and --public exclude each other",
                         "--names en --public sluiten elkaar uit"),
    "names_and_public_hint": ("a published report never shows names; leave out --names",
                              "een gepubliceerd verslag toont nooit namen; laat --names weg"),
    "nothing_to_summarize": ("no session to summarise", "geen sessie om samen te vatten"),
    "nothing_to_summarize_hint": ("name a session file or a folder with *.yaml files",
                                  "noem een sessiebestand of een map met *.yaml-bestanden"),
    "no_route_match": ("no session of the learning route '{route}'",
                       "geen sessie van de leerroute '{route}'"),
    "no_route_match_hint": ("routes found: {routes}", "gevonden leerroutes: {routes}"),
    "duplicate_id": ("the session id '{id}' is also the id of {other}",
                     "de sessie-id '{id}' is ook de id van {other}"),
    "duplicate_id_hint": ("left out of the overview; give each session its own id",
                          "weggelaten uit het overzicht; geef elke sessie een eigen id"),
    "written": ("report written to {path}", "verslag geschreven naar {path}"),
    "skipped": ("{count} files could not be read and are left out of the overview",
                "{count} bestanden konden niet worden gelezen en ontbreken in het overzicht"),
    "skipped_one": ("{count} file could not be read and is left out of the overview",
                    "{count} bestand kon niet worden gelezen en ontbreekt in het overzicht"),
    "redaction_summary": (
        "anonymised: {names_replaced} name(s) replaced by a function, {emails_removed} e-mail "
        "address(es) and {phones_removed} phone number(s) removed, "
        "{confidential_findings_left_out} confidential finding(s) and "
        "{confidential_follow_ups_left_out} confidential follow-up(s) left out, "
        "{participant_names_withheld} participant name(s) withheld, "
        "{notes_left_out} internal note(s) left out",
        "geanonimiseerd: {names_replaced} naam/namen vervangen door een functie, "
        "{emails_removed} e-mailadres(sen) en {phones_removed} telefoonnummer(s) verwijderd, "
        "{confidential_findings_left_out} vertrouwelijke bevinding(en) en "
        "{confidential_follow_ups_left_out} vertrouwelijke vervolgvraag/-vragen weggelaten, "
        "{participant_names_withheld} naam/namen van deelnemers niet getoond, "
        "{notes_left_out} interne notitie(s) weggelaten"),
    # --- publication mode ------------------------------------------------------------------
    "anonymised_notice": ("This report was anonymised for publication (AVG/Woo) by these "
                          "rules:",
                          "Dit verslag is voor publicatie geanonimiseerd (AVG/Woo) volgens "
                          "deze regels:"),
    # --- the copy: internal or published ----------------------------------------------------
    "internal_title": ("INTERNAL — do not publish.", "INTERN — niet publiceren."),
    "internal_notice": ("This copy is not anonymised: names and confidential items are still "
                        "in it, each confidential item marked. Make the copy for publication "
                        "with --public.",
                        "Deze versie is niet geanonimiseerd: namen en vertrouwelijke punten "
                        "staan er nog in, elk vertrouwelijk punt gemarkeerd. Maak de versie "
                        "voor publicatie met --public."),
    "internal_notice_route": ("This overview has not been checked for publication. Make the "
                              "copy for publication with --public.",
                              "Dit overzicht is niet gecontroleerd voor publicatie. Maak de "
                              "versie voor publicatie met --public."),
    "confidential_mark": ("CONFIDENTIAL", "VERTROUWELIJK"),
    "internal_notes": ("Internal notes", "Interne notities"),
    "colophon": ("About this report", "Over dit verslag"),
    # --- one session -----------------------------------------------------------------------
    "draft_notice": ("Draft: not final yet.", "Concept: nog niet definitief."),
    "plan": ("The dream / the plan", "De droom / het plan"),
    "realised": ("Realised", "Gerealiseerd"),
    "judgement": ("Judgement", "Oordeel"),
    "sdgs": ("Sustainable Development Goals", "Duurzame ontwikkelingsdoelen (SDG's)"),
    "nsob_map": ("Position in the NSOB model", "Plek in het NSOB-model"),
    "map_caption": ("The four government perspectives of the NSOB model, with each "
                    "participant in the perspective that their place and task give them.",
                    "De vier overheidsperspectieven van het NSOB-model, met elke deelnemer in "
                    "het perspectief dat de plek en taak in de organisatie meegeven."),
    "on_border": ("on the border", "op het grensvlak"),
    "border_between": ("On the border of {first} and {second}",
                       "Op het grensvlak van {first} en {second}"),
    "not_placed": ("Not placed in the model:", "Niet in het model geplaatst:"),
    "legend_city": ("city-facing", "stadsgericht"),
    "legend_internal": ("internal", "intern gericht"),
    "legend_both": ("city-facing and internal", "stadsgericht en intern gericht"),
    "roles_and_talents": ("Roles and talents", "Rollen en talenten"),
    "follow_ups": ("Follow-up questions", "Vervolgvragen"),
    "owner_is": ("owner: {owner}", "eigenaar: {owner}"),
    "due_is": ("due {due}", "uiterlijk {due}"),
    "listener": ("The listener's reflection and learning points",
                 "Reflectie en leerpunten van de toehoorder"),
    "next_session": ("Next session", "Volgende bijeenkomst"),
    "months": ("January,February,March,April,May,June,July,August,September,October,"
               "November,December",
               "januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,"
               "november,december"),
    "ordinals": ("first,second,third,fourth,fifth,sixth,seventh,eighth,ninth,tenth,eleventh,"
                 "twelfth,thirteenth,fourteenth,fifteenth,sixteenth,seventeenth,eighteenth,"
                 "nineteenth,twentieth",
                 "eerste,tweede,derde,vierde,vijfde,zesde,zevende,achtste,negende,tiende,"
                 "elfde,twaalfde,dertiende,veertiende,vijftiende,zestiende,zeventiende,"
                 "achttiende,negentiende,twintigste"),
    "and": ("and", "en"),
    "then": ("then", "daarna"),
    "md_session_title": ("Evaluation meeting {number}: {title}",
                         "{number}e evaluatiebijeenkomst: {title}"),
    "md_route": ("learning route {route}", "leerroute {route}"),
    # The opening, as the seed writes it: "Op 28 januari 2021 is de eerste
    # evaluatiebijeenkomst van de leerroute georganiseerd. Aanwezig waren de ..."
    "opening": ("The {meeting} took place on {date}.", "Op {date} is de {meeting} georganiseerd."),
    "meeting": ("evaluation meeting", "evaluatiebijeenkomst"),
    "meeting_nth": ("{ordinal} evaluation meeting", "{ordinal} evaluatiebijeenkomst"),
    "meeting_of_route": ("{meeting} of the learning route {route}",
                         "{meeting} van de leerroute {route}"),
    "present": ("Present were {people}.", "Aanwezig waren {people}."),
    "present_one": ("Present was {people}.", "Aanwezig was {people}."),
    "led_by": ("The conversation was led by {people}.", "Het gesprek werd geleid door {people}."),
    "reported": ("{people} wrote the report.", "{people} deden verslag."),
    "reported_one": ("{people} wrote the report.", "{people} deed verslag."),
    "absent": ("{people} could not attend.", "{people} konden niet aanwezig zijn."),
    "absent_one": ("{people} could not attend.", "{people} kon niet aanwezig zijn."),
    # Rollen en talenten, one paragraph per participant.
    "position_one": ("{person} works from the perspective of {quadrant}.",
                     "{person} werkt vanuit {quadrant}."),
    "position_border": ("{person} works on the border of {first} and {second}.",
                        "{person} werkt op het grensvlak van {first} en {second}."),
    "not_placed_person": ("{person} was not placed in the NSOB model.",
                          "{person} is niet in het NSOB-model geplaatst."),
    "roles_usual": ("The usual roles are those of {roles}.",
                    "Gebruikelijk zijn de rollen van {roles}."),
    "roles_usual_one": ("The usual role is that of {roles}.",
                        "Gebruikelijk is de rol van {roles}."),
    "roles_played_after_usual": ("In this project they were, in turn, those of {roles}.",
                                 "In dit project waren dat de rollen van {roles}."),
    "roles_played_after_usual_one": ("In this project it was that of {roles}.",
                                     "In dit project was dat de rol van {roles}."),
    "roles_played": ("In this project the roles were, in turn, those of {roles}.",
                     "In dit project waren de rollen achtereenvolgens die van {roles}."),
    "roles_played_one": ("In this project the role was that of {roles}.",
                         "In dit project was de rol die van {roles}."),
    "roles_same": ("The usual roles are those of {roles}, and so they were in this project.",
                   "Gebruikelijk zijn de rollen van {roles}, en zo was het ook in dit project."),
    "roles_same_one": ("The usual role is that of {roles}, and so it was in this project.",
                       "Gebruikelijk is de rol van {roles}, en zo was het ook in dit project."),
    "role_note": ("About the role of {role}: {note}", "Over de rol van {role}: {note}"),
    # Follow-ups carried over from an earlier meeting.
    "from_earlier": ("From earlier meetings", "Uit eerdere bijeenkomsten"),
    "new_here": ("New in this meeting", "Nieuw in deze bijeenkomst"),
    "origin_number": ("from meeting {number}, {date}", "uit bijeenkomst {number}, {date}"),
    "origin_date": ("from the meeting of {date}", "uit de bijeenkomst van {date}"),
    "origin_unknown": ("from an earlier meeting", "uit een eerdere bijeenkomst"),
    "status_then_now": ("then {then}, now {now}", "toen {then}, nu {now}"),
    "status_now": ("now {now}", "nu {now}"),
    "status_still": ("still {now}", "nog steeds {now}"),
    # --- a learning route --------------------------------------------------------------------
    "route_title": ("Learning route {route}: overview", "Leerroute {route}: overzicht"),
    "no_route": ("(no learning route)", "(geen leerroute)"),
    "md_route_intro": ("{count} evaluation meetings, from {first} to {last}.",
                       "{count} evaluatiebijeenkomsten, van {first} tot en met {last}."),
    "md_route_intro_one": ("{count} evaluation meeting, on {first}.",
                           "{count} evaluatiebijeenkomst, op {first}."),
    "sessions": ("Sessions", "Bijeenkomsten"),
    "col_date": ("Date", "Datum"),
    "col_number": ("#", "#"),
    "col_casus": ("Casus", "Casus"),
    "col_present": ("Present", "Aanwezig"),
    "col_judgement": ("Judgement", "Oordeel"),
    "col_session": ("Session", "Bijeenkomst"),
    "col_role": ("Role", "Rol"),
    "quadrant_spread": ("Participants per NSOB perspective",
                        "Deelnemers per NSOB-perspectief"),
    "spread_caption": ("Per session, the number of participants in each perspective, in "
                       "the corners of the NSOB figure (result-oriented at the top, "
                       "inside-out on the left); in brackets the change.",
                       "Per bijeenkomst het aantal deelnemers in elk perspectief, in de hoeken "
                       "van het NSOB-figuur (resultaatgericht boven, van binnen naar buiten "
                       "links); tussen haakjes de verandering."),
    "spread_note": ("Someone on the border of two perspectives counts in both; in brackets "
                    "the change from the session before.",
                    "Wie op het grensvlak van twee perspectieven zit, telt in beide mee; "
                    "tussen haakjes de verandering ten opzichte van de bijeenkomst ervoor."),
    "route_roles": ("Roles played, city-facing and internal",
                    "Gespeelde rollen, stadsgericht en intern gericht"),
    "people_orientation": ("Participants by the orientation of the roles they played:",
                           "Deelnemers naar de gerichtheid van hun gespeelde rollen:"),
    "recurring": ("Recurring success factors and learnings",
                  "Terugkerende succesfactoren en lessen"),
    "recurring_tags": ("By tag:", "Per label:"),
    "recurring_phrases": ("By repeated wording:", "Naar herhaalde bewoording:"),
    "nothing_recurring": ("Nothing came back in more than one session yet.",
                          "Nog niets kwam in meer dan één bijeenkomst terug."),
    "in_sessions": ("in {count} sessions", "in {count} bijeenkomsten"),
    "in_sessions_one": ("in {count} session", "in {count} bijeenkomst"),
    "sdg_coverage": ("SDG coverage", "Dekking van de SDG's"),
    "route_follow_ups": ("Follow-up questions", "Vervolgvragen"),
    "follow_up_counts": ("{opened} opened, {closed} closed, {open} still open "
                         "(ages counted up to {as_of}).",
                         "{opened} geopend, {closed} afgerond, {open} nog open "
                         "(leeftijd geteld tot {as_of})."),
    "threads_caption": ("Each follow-up question as a line from the meeting that asked it: a "
                        "dot where a meeting took it up, a check mark where it was closed, "
                        "dashed while it is still open.",
                        "Elke vervolgvraag als een lijn vanaf de bijeenkomst die hem stelde: "
                        "een stip waar een bijeenkomst hem oppakte, een vinkje waar hij werd "
                        "afgerond, gestippeld zolang hij open is."),
    "meeting_short": ("meeting {number}", "bijeenkomst {number}"),
    "meeting_at": ("meeting {number}, {date}", "bijeenkomst {number}, {date}"),
    "asked": ("asked", "gesteld"),
    "still_open": ("Still open", "Nog open"),
    "closed": ("Closed", "Afgerond"),
    "closed_after": ("{status} after {count} days", "{status} na {count} dagen"),
    "closed_after_one": ("{status} after {count} day", "{status} na {count} dag"),
    "open_for": ("open for {count} days", "{count} dagen open"),
    "open_for_one": ("open for {count} day", "{count} dag open"),
    "more_sessions": ("The tables show the latest {shown} sessions; {count} earlier "
                      "sessions, from {since}, are counted but not listed.",
                      "De tabellen tonen de laatste {shown} bijeenkomsten; {count} eerdere "
                      "bijeenkomsten, vanaf {since}, tellen mee maar staan er niet in."),
    "more_sessions_one": ("The tables show the latest {shown} sessions; {count} earlier "
                          "session, from {since}, is counted but not listed.",
                          "De tabellen tonen de laatste {shown} bijeenkomsten; {count} "
                          "eerdere bijeenkomst, vanaf {since}, telt mee maar staat er niet in."),
    "more_threads": ("… and {count} more, not listed.", "… en nog {count}, niet opgenomen."),
}
