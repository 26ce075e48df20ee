"""The engine: checks steps and claims. It never imports parsing, grading, export or the CLI."""
