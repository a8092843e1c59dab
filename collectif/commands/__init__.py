"""One module per command; each public function takes plain values and returns the exit code."""
