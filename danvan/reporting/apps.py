from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "danvan.reporting"
    label = "reporting"
    verbose_name = "Báo cáo định kỳ"
