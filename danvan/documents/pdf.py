"""PDF of a generated .docx through LibreOffice (`soffice --headless --convert-to pdf`).

Debian: `libreoffice-writer-nogui` (soffice) and `fonts-liberation2` (Liberation Serif, metric
compatible with Times New Roman and carrying every Vietnamese letter). Each conversion uses its
own LibreOffice profile so two workers never share one.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from danvan.core.errors import DomainError

TIMEOUT_S = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    return soffice() is not None


def docx_to_pdf(data: bytes) -> bytes:
    program = soffice()
    if program is None:
        raise DomainError(
            "pdf_unavailable", "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy chọn Word."
        )
    with tempfile.TemporaryDirectory(prefix="danvan-pdf-") as folder:
        work = Path(folder)
        source = work / "van-ban.docx"
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT_S)  # noqa: S603
        except (subprocess.SubprocessError, OSError) as exc:
            raise DomainError("pdf_failed", "Chuyển văn bản sang PDF không thành công.") from exc
        result = work / "van-ban.pdf"
        if not result.exists():
            raise DomainError("pdf_failed", "Chuyển văn bản sang PDF không thành công.")
        return result.read_bytes()
