"""The document types this app ships; other apps register theirs the same way (see registry.py)."""

from danvan.documents.recognised import RecognisedParameters, build_recognised
from danvan.documents.registry import register_document_type
from danvan.documents.report import ReportParameters, build_report


def register() -> None:
    register_document_type("report", "Báo cáo định kỳ", build_report, parameters=ReportParameters)
    register_document_type(
        "recognised_models",
        "Danh sách mô hình, điển hình “Dân vận khéo” được công nhận",
        build_recognised,
        parameters=RecognisedParameters,
    )
