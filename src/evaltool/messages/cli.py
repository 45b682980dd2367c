"""Texts of the command line itself: the app's help and its global options."""

MESSAGES = {
    "app_help": (
        "Guide a casus evaluation, keep it as validated YAML, and turn it into reports.",
        "Begeleid de evaluatie van een casus, bewaar haar als gecontroleerde YAML en maak er "
        "verslagen van.",
    ),
    "lang_help": ("Language of messages and reports: nl or en "
                  "(default: EVALTOOL_LANG, then the locale).",
                  "Taal van meldingen en verslagen: nl of en "
                  "(standaard: EVALTOOL_LANG, dan de locale)."),
    "bad_lang": ("'{value}' is not a language evaltool speaks; use nl or en",
                 "'{value}' is geen taal die evaltool spreekt; gebruik nl of en"),
    "version_help": ("Show the version and stop.", "Toon de versie en stop."),
    "help_help": ("Show this help and stop.", "Toon deze hulp en stop."),
    "install_completion_help": ("Install completion for the current shell.",
                                "Installeer aanvullen met Tab voor de huidige shell."),
    "show_completion_help": ("Show completion for the current shell, to copy it or customise "
                             "the installation.",
                             "Toon het aanvullen voor de huidige shell, om het te kopiëren of "
                             "de installatie aan te passen."),
}
