from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "danvan.reporting"
    label = "reporting"
    verbose_name = "Báo cáo định kỳ"

    def ready(self) -> None:
        from danvan.documents.report import set_report_source
        from danvan.reporting.documents import report_content

        set_report_source(report_content)
