"""Binary Word/WPS files (.doc/.wps), converted to .docx with LibreOffice when it is installed."""

from __future__ import annotations

from pathlib import Path

from auditor.loaders.docx import load_docx
from auditor.messages import InputError
from auditor.model.document import Source

# What a real .doc/.wps starts with: an OLE compound file (Word 97-2003, WPS), or RTF saved as .doc.
_MAGIC = (b"\xd0\xcf\x11\xe0", b"{\\rtf")


def load_legacy(path: Path, name: str) -> Source:
    """Binary Word/WPS files: converted to .docx with LibreOffice (soffice) into a temporary folder."""
    import shutil
    import subprocess
    import tempfile

    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"PK\x03\x04"):
        return load_docx(path, name)  # a .docx saved under the old suffix
    if not head.startswith(_MAGIC):
        # LibreOffice opens any bytes as plain text: random bytes would come back as a clean report
        raise InputError(name, "corrupt_legacy", suffix=path.suffix.lower())
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
