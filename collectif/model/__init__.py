"""Models of the collective's files and of what the checks find."""
