r"""Matrices written as blocks, and the sizes their shapes force to be one.

A matrix written with matrix entries (``\begin{bmatrix} I & -\eta A \\ \eta A^\top & I \end{bmatrix}``)
is a block matrix, never a matrix of numbers: its determinant is not the scalar formula on its
entries. And the sizes of names the reader gave default sizes (``I`` of size n, ``A`` of size t)
are forced equal wherever the expression is defined only if they are: the terms of a sum have one
shape, the inner sizes of a product agree, the blocks of one block row share their rows and those
of one block column their columns. ``forced_sizes`` gives that one size to each such class.
"""
from __future__ import annotations

import sympy
from sympy import BlockMatrix, Expr, MatAdd, MatMul, Symbol, default_sort_key
from sympy.matrices import MatrixBase
from sympy.matrices.expressions.matexpr import MatrixExpr

from ...vocabulary.linalg import SIZE_NAMES, size


def has_matrix_entries(matrix) -> bool:
    """Whether an explicit matrix holds matrices as entries (it is a block matrix as written)."""
    return isinstance(matrix, MatrixBase) and any(isinstance(e, MatrixExpr) or getattr(e, "is_Matrix", False)
                                                  for e in matrix)


def as_blocks(matrix) -> BlockMatrix | None:
    """The block matrix an explicit matrix of matrices is written as (None: its block sizes do not fit)."""
    if not has_matrix_entries(matrix) or not all(isinstance(e, MatrixExpr) for e in matrix):
        return None
    try:
        return BlockMatrix(matrix.tolist())
    except (ValueError, TypeError):
        return None


class _Classes:
    """Union-find on symbolic sizes."""

    def __init__(self):
        self.parent: dict = {}

    def root(self, s):
        self.parent.setdefault(s, s)
        while self.parent[s] != s:
            s = self.parent[s]
        return s

    def join(self, a, b):
        if not (isinstance(a, Symbol) and isinstance(b, Symbol)) or a == b:
            return
        first, second = self.root(a), self.root(b)
        if first != second:
            self.parent[second] = first


def _constraints(expr: Expr, classes: _Classes) -> None:
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, MatAdd):
            shapes = [t.shape for t in node.args if isinstance(t, MatrixExpr)]
            for shape in shapes[1:]:
                classes.join(shapes[0][0], shape[0])
                classes.join(shapes[0][1], shape[1])
        elif isinstance(node, MatMul):
            factors = [f for f in node.args if isinstance(f, MatrixExpr)]
            for left, right in zip(factors, factors[1:]):
                classes.join(left.shape[1], right.shape[0])
        elif has_matrix_entries(node) and all(isinstance(e, MatrixExpr) for e in node):
            rows = node.tolist()
            for row in rows:
                for block in row[1:]:
                    classes.join(row[0].shape[0], block.shape[0])
            for column in zip(*rows):
                for block in column[1:]:
                    classes.join(column[0].shape[1], block.shape[1])


DEFAULT_SIZES = frozenset(size(name) for name in SIZE_NAMES)


def forced_sizes(*exprs: Expr) -> dict:
    """The reader's default sizes that the shapes of ``exprs`` force equal to another size, each mapped
    to one size of its class: a stated size where the class has one, else the first by sort order. A
    class that would make two stated sizes one is left alone (the document gave them as different)."""
    classes = _Classes()
    for expr in exprs:
        if isinstance(expr, sympy.Basic):
            _constraints(expr, classes)
    members: dict = {}
    for s in list(classes.parent):
        members.setdefault(classes.root(s), []).append(s)
    mapping = {}
    for group in members.values():
        stated = sorted((s for s in group if s not in DEFAULT_SIZES), key=default_sort_key)
        if len(stated) > 1 or len(group) < 2:
            continue
        target = stated[0] if stated else min(group, key=default_sort_key)
        mapping.update({s: target for s in group if s != target})
    return mapping
