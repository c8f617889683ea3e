"""Reading a .zip of texts for a batch import: which members are texts to extract, which are left
out and why (folders, other kinds of file, paths leading outside the archive), and the guards
against zip bombs (each member's size and compression ratio, the whole archive's size, the count).
Nothing is written to disk: members are read in memory by the task, one at a time."""

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from danvan.core.errors import InvalidInput
from danvan.extraction.reading import MAX_FILE_BYTES

MAX_BATCH_FILES = 200
MAX_BATCH_BYTES = 5 * MAX_FILE_BYTES  # the .zip as uploaded
MAX_BATCH_UNPACKED = 20 * MAX_FILE_BYTES  # all its texts unpacked
MAX_RATIO = 100
TEXT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


@dataclass
class Contents:
    members: list[zipfile.ZipInfo]
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"file", "message"}


def _refuse(code: str, message: str, short: str) -> InvalidInput:
    return InvalidInput(code, message, errors={"file": [short]})


def open_archive(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse("bad_zip", "Tệp .zip bị hỏng, không đọc được.", "Tệp .zip bị hỏng.") from exc


def _outside(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or (len(name) > 1 and name[1] == ":")


def _sort(contents: Contents, info: zipfile.ZipInfo) -> None:
    if info.is_dir():
        return
    name = info.filename
    if _outside(name):
        contents.skipped.append({"file": name, "message": "Đường dẫn ra ngoài thư mục nén: bỏ qua."})
    elif PurePosixPath(name).suffix.lower() not in TEXT_SUFFIXES:
        contents.skipped.append(
            {"file": name, "message": "Không phải văn bản .txt, .docx, .pdf hoặc .html: bỏ qua."}
        )
    else:
        contents.members.append(info)


def _check(members: list[zipfile.ZipInfo]) -> None:
    if not members:
        raise _refuse(
            "empty_zip", "Tệp .zip không có văn bản .txt, .docx, .pdf hoặc .html nào.", "Không có văn bản."
        )
    if len(members) > MAX_BATCH_FILES:
        raise _refuse(
            "zip_too_many", f"Tệp .zip có hơn {MAX_BATCH_FILES} văn bản: hãy chia nhỏ.", "Quá nhiều tệp."
        )
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_BATCH_UNPACKED or any(
        m.file_size > MAX_FILE_BYTES or m.file_size > MAX_RATIO * max(m.compress_size, 1) for m in members
    ):
        raise _refuse(
            "zip_bomb", "Tệp .zip có văn bản giải nén quá lớn bất thường: không nhập.", "Nghi tệp độc hại."
        )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One member's bytes, at most its declared size (a lying header cannot inflate it)."""
    try:
        with archive.open(info) as member:
            data = member.read(MAX_FILE_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise _refuse("bad_member", "Tệp bị hỏng trong .zip, không đọc được.", "Tệp hỏng.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise _refuse("zip_bomb", "Văn bản giải nén quá lớn bất thường: bỏ qua.", "Nghi tệp độc hại.")
    return data


def zip_contents(data: bytes) -> Contents:
    """The texts of a .zip and the members left out; InvalidInput for a broken or dangerous archive."""
    archive = open_archive(data)
    contents = Contents(members=[])
    for info in archive.infolist():
        _sort(contents, info)
    _check(contents.members)
    return contents
