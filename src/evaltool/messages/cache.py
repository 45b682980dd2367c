"""Texts of the per-file digest cache (`evaltool summarize --no-cache`)."""

MESSAGES = {
    "no_cache_help": (
        "Read every file anew: neither use nor update the cache of per-file digests "
        "(kept in $XDG_CACHE_HOME/evaltool, or ~/.cache/evaltool)",
        "Lees elk bestand opnieuw: gebruik de cache van samenvattingen per bestand niet en "
        "werk hem niet bij (staat in $XDG_CACHE_HOME/evaltool, of ~/.cache/evaltool)",
    ),
}
