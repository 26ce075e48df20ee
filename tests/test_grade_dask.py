"""A cluster's executor grades like the serial one: Dask distributed on a local cluster.

Dask is an optional extra (``pip install '.[dask]'``, also in ``.[test]``); without it
this module is skipped.
"""
import pytest

from derivations import BUILTIN
from tests.class_generator import generated_class
from verify.grading import grade_batch, load_rubric

distributed = pytest.importorskip("distributed")

RUBRIC = load_rubric("assignment5", BUILTIN)


def test_a_local_dask_cluster_gives_the_serial_results(tmp_path):
    for name, text in generated_class(4):
        (tmp_path / f"{name}.md").write_text(text)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        clustered = grade_batch([tmp_path], RUBRIC, executor=client.get_executor(), workers=2)
    serial = grade_batch([tmp_path], RUBRIC)
    assert [(r.student, r.score, r.error) for r in clustered] == [(r.student, r.score, r.error) for r in serial]
    assert all(r.error is None for r in clustered)
