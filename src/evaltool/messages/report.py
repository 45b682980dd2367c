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
    "bad_format_hint": ("use text, markdown, html or json", "gebruik text, markdown, html of json"),
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
    "skipped": ("{count} file(s) could not be read and are left out of the overview",
                "{count} bestand(en) konden niet worden gelezen en ontbreken in het overzicht"),
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
    "name_survives": ("the name of a participant ({person}) is still there after "
                      "anonymising: '{word}' in {field}",
                      "de naam van een deelnemer ({person}) staat er na het anonimiseren nog: "
                      "'{word}' in {field}"),
    "name_survives_overview": ("a participant's name is still in the overview, in {field}",
                               "de naam van een deelnemer staat nog in het overzicht, in {field}"),
    "name_survives_hint": ("nothing was written; write the name there exactly as in the "
                           "participant's name so it can be replaced, or rephrase it",
                           "er is niets geschreven; schrijf de naam daar precies zoals in de "
                           "naam van de deelnemer, zodat hij vervangen kan worden, of "
                           "formuleer het anders"),
    "anonymised_notice": ("This report was anonymised for publication (AVG/Woo) by these "
                          "rules:",
                          "Dit verslag is voor publicatie geanonimiseerd (AVG/Woo) volgens "
                          "deze regels:"),
    "rule_function": ("people appear by their function only; when two share a function, "
                      "with a letter",
                      "mensen staan er alleen met hun functie in; als twee dezelfde functie "
                      "hebben, met een letter"),
    "rule_names": ("names, e-mail addresses and phone numbers are removed from all text; "
                   "a name is replaced by the person's function in brackets",
                   "namen, e-mailadressen en telefoonnummers zijn uit alle tekst verwijderd; "
                   "een naam is vervangen door de functie van die persoon tussen haken"),
    "rule_confidential": ("confidential findings and follow-up questions and internal notes "
                          "are left out",
                          "vertrouwelijke bevindingen en vervolgvragen en interne notities "
                          "zijn weggelaten"),
    "rule_absence": ("absence is mentioned without a reason",
                     "afwezigheid wordt genoemd zonder reden"),
    "rule_refuse": ("the report is only written when no participant's name is left in it",
                    "het verslag wordt alleen geschreven als er geen naam van een deelnemer "
                    "meer in staat"),
    # --- one session -----------------------------------------------------------------------
    "date": ("Date", "Datum"),
    "learning_route": ("Learning route", "Leerroute"),
    "route_session": ("{route}, session {number}", "{route}, bijeenkomst {number}"),
    "organisation": ("Organisation", "Organisatie"),
    "status": ("Status", "Status"),
    "status_draft": ("draft", "concept"),
    "status_final": ("final", "definitief"),
    "draft_notice": ("Draft: not final yet.", "Concept: nog niet definitief."),
    "about_casus": ("About the casus", "Over de casus"),
    "plan_and_realised": ("Plan and realisation", "Droom en realisatie"),
    "plan": ("The dream / the plan", "De droom / het plan"),
    "realised": ("Realised", "Gerealiseerd"),
    "judgement": ("Judgement", "Oordeel"),
    "sdgs": ("Sustainable Development Goals", "Duurzame ontwikkelingsdoelen (SDG's)"),
    "participants": ("Participants", "Deelnemers"),
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
    "roles_played": ("Roles played", "Gespeelde rollen"),
    "roles_and_talents": ("Roles and talents", "Rollen en talenten"),
    "usual": ("usual", "gebruikelijk"),
    "played": ("played", "gespeeld"),
    "follow_ups": ("Follow-up questions", "Vervolgvragen"),
    "owner_is": ("owner: {owner}", "eigenaar: {owner}"),
    "due_is": ("due {due}", "uiterlijk {due}"),
    "continues_is": ("continues {ref}", "vervolg op {ref}"),
    "reflection": ("The listener's reflection", "Reflectie van de toehoorder"),
    "listener_section": ("The listener's reflection and learning points",
                         "Reflectie en leerpunten van de toehoorder"),
    "next_session": ("Next session", "Volgende bijeenkomst"),
    "months": ("January,February,March,April,May,June,July,August,September,October,"
               "November,December",
               "januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,"
               "november,december"),
    "and": ("and", "en"),
    "md_session_title": ("Evaluation meeting {number}: {title}",
                         "{number}e evaluatiebijeenkomst: {title}"),
    "md_route": ("learning route {route}", "leerroute {route}"),
    "md_intro": ("The evaluation meeting took place on {date}.",
                 "Op {date} vond de evaluatiebijeenkomst plaats."),
    "md_present": ("Present were: {people}.", "Aanwezig waren: {people}."),
    "md_absent": ("Could not attend: {people}.", "Verhinderd: {people}."),
    "md_reporter": ("The report was written by: {people}.",
                    "Verslag werd gedaan door: {people}."),
    "md_border": ("On the border of {first} and {second}: {people}.",
                  "Op het grensvlak van {first} en {second}: {people}."),
    "md_orientation": ("{person}: {orientation}.", "{person}: {orientation}."),
    # --- a learning route --------------------------------------------------------------------
    "route_title": ("Learning route {route}: overview", "Leerroute {route}: overzicht"),
    "no_route": ("(no learning route)", "(geen leerroute)"),
    "sessions_count": ("Sessions", "Bijeenkomsten"),
    "md_route_intro": ("{count} evaluation meeting(s), from {first} to {last}.",
                       "{count} evaluatiebijeenkomst(en), van {first} tot en met {last}."),
    "sessions": ("Sessions", "Bijeenkomsten"),
    "col_date": ("Date", "Datum"),
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
    "in_sessions": ("in {count} session(s)", "in {count} bijeenkomst(en)"),
    "sdg_coverage": ("SDG coverage", "Dekking van de SDG's"),
    "route_follow_ups": ("Follow-up questions", "Vervolgvragen"),
    "follow_up_counts": ("{opened} opened, {closed} closed, {open} still open "
                         "(ages counted up to {as_of}).",
                         "{opened} geopend, {closed} afgerond, {open} nog open "
                         "(leeftijd geteld tot {as_of})."),
    "still_open": ("Still open", "Nog open"),
    "closed": ("Closed", "Afgerond"),
    "opened_on": ("opened {date}", "geopend {date}"),
    "closed_on": ("{status} on {date}, after {days} days",
                  "{status} op {date}, na {days} dagen"),
    "open_for": ("open for {days} days", "{days} dagen open"),
    "continued_on": ("continued {dates}", "vervolgd {dates}"),
    "more_sessions": ("The tables show the latest {shown} sessions; {count} earlier "
                      "session(s), from {since}, are counted but not listed.",
                      "De tabellen tonen de laatste {shown} bijeenkomsten; {count} eerdere "
                      "bijeenkomst(en), vanaf {since}, tellen mee maar staan er niet in."),
    "more_threads": ("… and {count} more, not listed.", "… en nog {count}, niet opgenomen."),
}
