import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.test import Client

from danvan.accounts.auth import TOKEN_PREFIX, hash_token
from danvan.accounts.models import ApiToken
from danvan.audit.models import AuditEvent
from danvan.core.periods import Period
from danvan.documents import report
from danvan.documents.models import GeneratedDocument
from danvan.documents.official import Section
from danvan.documents.report import IndicatorRow, ReportContent

INDICATORS = [
    ("Hội nghị tuyên truyền, phổ biến chủ trương, pháp luật", "cuộc", 1234, 1100),
    ("Người tham dự", "lượt người", 98765, 91000),
    ("Kinh phí Nhân dân đóng góp", "triệu đồng", 4500.5, None),
]


def sample_content(unit: Any, form_code: str, period: Period, children: int = 2) -> ReportContent:
    names = [f"Xã Số {i + 1}" for i in range(children)]
    rows = [
        IndicatorRow(label, measure, value, last, children=[i + 1 for i in range(children)], key=True)
        for label, measure, value, last in INDICATORS
    ]
    return ReportContent(
        unit=unit,
        form_name="Sơ kết công tác dân vận",
        period=period,
        form_code=form_code,
        introduction=["Thực hiện chương trình công tác năm, báo cáo kết quả như sau:"],
        sections=[
            Section(
                "KẾT QUẢ THỰC HIỆN",
                subsections=[Section("Công tác tuyên truyền", ["Tổ chức 1.234 hội nghị tuyên truyền."])],
            ),
            Section("PHƯƠNG HƯỚNG, NHIỆM VỤ", ["Tiếp tục thực hiện phong trào thi đua “Dân vận khéo”."]),
        ],
        indicators=rows,
        children=names,
    )


@pytest.fixture
def report_source() -> Iterator[list[tuple[Any, str, Period]]]:
    """A reporting app stand-in: records its calls and answers sample_content."""
    calls: list[tuple[Any, str, Period]] = []

    def source(unit: Any, form_code: str, period: Period) -> ReportContent:
        calls.append((unit, form_code, period))
        return sample_content(unit, form_code, period)

    saved = list(report._source)
    report.set_report_source(source)
    yield calls
    report._source[:] = saved


@pytest.fixture
def no_report_source() -> Iterator[None]:
    saved = list(report._source)
    report._source.clear()
    yield
    report._source[:] = saved


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def api_for(db: Any) -> Callable[..., Client]:
    def make(user: Any) -> Client:
        secret = TOKEN_PREFIX + secrets.token_urlsafe(24)
        ApiToken.objects.create(
            user=user,
            name="kiểm thử",
            prefix=secret[:8],
            key_hash=hash_token(secret),
            scope=ApiToken.Scope.WRITE,
        )
        return Client(headers={"Authorization": f"Bearer {secret}"})

    return make


def snapshot() -> tuple[Any, ...]:
    return (
        list(GeneratedDocument.objects.order_by("pk").values()),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def unchanged() -> Callable[[], Any]:
    @contextmanager
    def check() -> Iterator[None]:
        before = snapshot()
        yield
        assert snapshot() == before

    return check
