"""Extraction on a Dask cluster (a LocalCluster of two worker processes), one writer."""
from __future__ import annotations

import pytest

from docketgraph.queries.api import KnowledgeGraph

import distributed

FILING = """UNITED STATES DISTRICT COURT
NORTHERN DISTRICT OF ILLINOIS

BRAND {n} LLC, Plaintiff,
v.
THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE "A", Defendants.

Case No. 1:24-cv-{n:05d}
"""


@pytest.mark.slow
def test_ingest_on_a_local_dask_cluster(tmp_path):
    for n in range(12):
        (tmp_path / f"f{n}.txt").write_text(FILING.format(n=n + 1), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        kg = KnowledgeGraph(None)
        rep = kg.ingest([tmp_path], dask=client)
    assert (rep.new, rep.failed) == (12, 1)
    assert "bad.txt" in rep.errors[0][1]
    assert kg.stats()["Document"] == 12
