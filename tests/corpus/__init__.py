"""A corpus of derivations transcribed from public sources, with labels and mutants (see README.md)."""
