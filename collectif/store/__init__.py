"""Where the collective's files come from, how they are parsed, located and written."""
