"""The named rules of the linear-algebra theory, one constant each.

The canonical form (``linalg.entries``, ``linalg.sums``) emits these objects as it
applies them. Expectation's linearity and independence, which the ``moments`` claim
uses, are the probability theory's (``probability.rules``): one object per rule.
"""
from __future__ import annotations

from ..base import Rule, register_rule

MATRIX_PRODUCT = register_rule(Rule(
    "matrix product", "(AB)_{ij} = sum_k A_{ik} B_{kj}; row i of AB = sum_k A_{ik} b_k",
    aliases=("matrix multiplication", "definition of matrix product", "row of a product")))
TRANSPOSE = register_rule(Rule("transpose", "(A^T)_{ij} = A_{ji}"))
MATRIX_POWER = register_rule(Rule("matrix power", "M^k = M M ... M, the product of k factors M in order"))
SOFTMAX_DEFINITION = register_rule(Rule(
    "definition of softmax", "softmax(S)_{ij} = exp(S_ij) / sum_l exp(S_il), along each row",
    aliases=("softmax",)))
ATTENTION_WEIGHTS = register_rule(Rule(
    "definition of attention weights", "alpha_ij = exp(q_i.k_j / sqrt(d_k)) / sum_l exp(q_i.k_l / sqrt(d_k))",
    aliases=("attention weights",)))
DOT_PRODUCT = register_rule(Rule("dot product", "u . v = sum_k u_k v_k"))
BLOCK_MULTIPLICATION = register_rule(Rule(
    "block multiplication", "Concat(A_1..A_h) Stack(B_1..B_h) = sum_m A_m B_m when the block sizes agree",
    aliases=("block matrix multiplication",)))
ROW_BLOCKS = register_rule(Rule(
    "row blocks", "W^O = Stack(W^O_1, ..., W^O_h): the rows of W^O split into one block per head",
    aliases=("partition into blocks", "split into row blocks")))
SUMMATION_LINEARITY = register_rule(Rule(
    "linearity of summation", "sum_k (a_k + b_k) = sum_k a_k + sum_k b_k; sum_k c a_k = c sum_k a_k",
    aliases=("factor out of a sum", "pull out a constant")))
SUM_WRITTEN_OUT = register_rule(Rule(
    "finite sum written out", "sum_{k=a}^{a+n-1} f(k) = f(a) + ... + f(a+n-1) for a short concrete range",
    demands_citation=False))  # as plain as algebra: writing out three terms needs no name
EXP_OF_A_SUM = register_rule(Rule("exp of a sum", "exp(a + b) = exp(a) exp(b)"))
SOFTMAX_NORMALISATION = register_rule(Rule(
    "normalisation of softmax", "sum_j softmax(S)_{ij} = 1: each row of attention weights sums to one",
    aliases=("normalization of softmax", "weights sum to one")))
SHIFT_INVARIANCE = register_rule(Rule(
    "shift invariance", "softmax(S + c 1^T) = softmax(S): a constant added to a row cancels",
    aliases=("softmax shift invariance",)))
RENAME_DUMMY_INDEX = register_rule(Rule(
    "rename dummy index", "sum_j f(j) = sum_l f(l)", aliases=("relabel the summation index",)))
VARIANCE_SCALING = register_rule(Rule("scaling of variance", "Var(X / c) = Var(X) / c^2"))
ENTRYWISE_EQUALITY = register_rule(Rule(
    "entrywise equality", "two matrices of one size are equal when their (r, c) entries are, for symbolic r, c",
    demands_citation=False))  # how every matrix step is read
COMPONENTWISE_EQUALITY = register_rule(Rule(
    "componentwise equality", "two vectors of one size are equal when their c-th components are, for symbolic c",
    demands_citation=False))  # how every vector step is read
LINEAR_ALGEBRA = register_rule(Rule(
    "linalg", "the linear-algebra canonical form: definitions substituted, rows resolved, matrices "
    "read entrywise, sums normalised and their dummies renamed",
    demands_citation=False))  # names the tier; the rules above name the rewrites
NEUMANN_SERIES = register_rule(Rule(
    "Neumann series", "(I - M)^{-1} = sum_{k>=0} M^k when the spectral radius of M is below 1",
    aliases=("matrix geometric series", "geometric series of a matrix")))
SQUARED_NORM = register_rule(Rule(
    "squared Euclidean norm", "||x||^2 = x^T x = sum_k x_k^2 for a real column vector x",
    aliases=("squared norm", "norm squared")))
