"""Grading: rubrics, per-step verdicts, partial credit, gradebook files (``verify grade``)."""
from .batch import grade_batch
from .grader import grade_text
from .rubric import Rubric, load_rubric, parse_rubric

__all__ = ["grade_batch", "grade_text", "load_rubric", "parse_rubric", "Rubric"]
