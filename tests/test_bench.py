"""The benchmark script runs end to end and prints every figure with its target verdicts."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def test_benchmark_prints_every_figure():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--size-mb", "0.3", "--repeat", "1", "--no-write"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr  # 1: a target missed on this machine
    out = result.stdout
    for figure in (
        "auditor --version:",
        "check --jobs 1:",
        "bare scan",
        "ratio auditor (--jobs 1) ÷ bare scan:",
        "growth:",
        "peak memory",
        "targets:",
    ):
        assert figure in out, out
    assert out.count(" met") + out.count(" MISSED") == 6
