"""One entry point for every interface (page, API, command, batch task): bytes or text in, JSON out."""

from typing import Any

from danvan.extraction.extractor import extract, load_gazetteer
from danvan.extraction.reading import SourceText, read_pasted, read_upload


def extract_source(source: SourceText) -> dict[str, Any]:
    return extract(source.text, load_gazetteer())


def extract_file(name: str, data: bytes) -> tuple[SourceText, dict[str, Any]]:
    source = read_upload(name, data)
    return source, extract_source(source)


def extract_pasted(text: str) -> tuple[SourceText, dict[str, Any]]:
    source = read_pasted(text)
    return source, extract_source(source)
