"""Binary Word/WPS files (.doc/.wps), converted to .docx with LibreOffice when it is installed."""

from __future__ import annotations

from pathlib import Path

from auditor.loaders.docx import load_docx
from auditor.messages import InputError
from auditor.model.document import Source


def load_legacy(path: Path, name: str) -> Source:
    """Binary Word/WPS files: converted to .docx with LibreOffice (soffice) into a temporary folder."""
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError(name, "legacy_needs_soffice", suffix=path.suffix.lower())
    with tempfile.TemporaryDirectory(prefix="auditor-") as tmp:
        try:
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    tmp,
                    str(path.resolve()),
                ],
                capture_output=True,
                timeout=180,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            raise InputError(name, "legacy_conversion_failed") from None
        converted = Path(tmp) / (path.stem + ".docx")
        if not converted.exists():
            raise InputError(name, "legacy_conversion_failed")
        doc = load_docx(converted, name)
    doc.format = path.suffix.lower().lstrip(".")
    return doc
