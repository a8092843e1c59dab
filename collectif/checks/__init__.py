"""The charter's rules as named checks: pure functions from the collective to findings."""
