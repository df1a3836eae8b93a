"""The pipeline's stages import only from the stages below them (the layers contract in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess

from helpers import ROOT


def test_layers_contract_is_kept():
    lint = shutil.which("lint-imports")
    assert lint, "import-linter is a test dependency: pip install -e '.[test]'"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "1 kept, 0 broken" in result.stdout


def test_model_imports_no_other_stage():
    for path in (ROOT / "auditor" / "model").glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith(("from auditor", "import auditor")):
                assert line.split()[1].startswith("auditor.model"), f"{path.name}: {line.strip()}"


def test_every_stage_folder_is_packaged():
    """A plain `pip install .` (not editable) installs only the packages pyproject.toml lists."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "auditor").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)
