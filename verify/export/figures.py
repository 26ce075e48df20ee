"""Figures drawn in the document with pgfplots, from coordinates we compute.

Why pgfplots rather than an embedded image: the figure is part of the .tex (one file
to publish, fonts match the text, no plotting library to install), and what reaches
TeX is numbers we format ourselves, so nothing untrusted can. The simulators come from
the caller (the command layer passes ``derivations.gda_twin``): export never imports
the built-in derivations.
"""
from __future__ import annotations

import math

import numpy as np

# the bilinear game min_p max_q p*q from (p0, q0): GDA variants and their fate
GDA_START = (1.0, 0.5)
GDA_ETA = 0.2
GDA_STEPS = 40
GDA_RUNS = (
    ("simultaneous_gda", "simultaneous GDA (spirals out)", "refuted, mark=none, thick"),
    ("alternating_gda", "alternating GDA (cycles)", "consistent, mark=none, thick, dashed"),
    ("extragradient", "extragradient (converges)", "proved, mark=none, thick"),
)


def coordinates(points: np.ndarray) -> str:
    """``(x,y) (x,y) ...`` for pgfplots; only finite numbers, formatted by us."""
    pairs = np.asarray(points, dtype=float).reshape(-1, 2)
    finite = [(x, y) for x, y in pairs if math.isfinite(x) and math.isfinite(y)]
    return " ".join(f"({x:.5f},{y:.5f})" for x, y in finite)


def trajectory_plot(runs: list[tuple[str, str, np.ndarray]], caption: str, start=None) -> str:
    """A pgfplots axis with one line per (legend, style, iterates) run; legends are our own text."""
    plots = [rf"\addplot[{style}] coordinates {{{coordinates(points)}}};" + "\n"
             + rf"\addlegendentry{{{legend}}}" for legend, style, points in runs]
    plots.append(r"\addplot[only marks, mark=+, mark size=3pt] coordinates {(0,0)};" + "\n"
                 + r"\addlegendentry{saddle point}")
    if start is not None:
        plots.append(rf"\addplot[only marks, mark=*, mark size=1.5pt] coordinates {{{coordinates(start)}}};"
                     + "\n" + r"\addlegendentry{start}")
    return ("\\begin{figure}[htbp]\n\\centering\n"
            "\\begin{tikzpicture}\n\\begin{axis}[width=0.8\\linewidth, height=0.6\\linewidth, axis equal, "
            "xlabel={$p$}, ylabel={$q$}, legend columns=3, legend cell align=left, "
            "legend style={font=\\small, at={(0.5,-0.18)}, anchor=north, "
            "/tikz/every even column/.append style={column sep=0.8em}}, grid=major, grid style={gray!20}]\n"
            + "\n".join(plots) + "\n\\end{axis}\n\\end{tikzpicture}\n"
            + rf"\caption{{{caption}}}" + "\n\\end{figure}\n")


def gda_figure(simulators) -> str:
    """The iterates of the three GDA variants on the bilinear game, from ``simulators``' functions."""
    p0, q0 = GDA_START
    runs = [(legend, style, getattr(simulators, fn)(p0, q0, GDA_ETA, GDA_STEPS))
            for fn, legend, style in GDA_RUNS]
    caption = (rf"Iterates on $f(p,q)=pq$ from $(p_0,q_0)=({p0:g},{q0:g})$, step size "
               rf"$\eta={GDA_ETA:g}$, {GDA_STEPS} steps; the saddle point is the origin.")
    # no heading of its own: a float moves to where it fits, and a heading left behind at a page's foot
    # would announce nothing (its caption names it)
    return trajectory_plot(runs, caption, start=np.array([p0, q0]))
