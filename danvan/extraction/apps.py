from django.apps import AppConfig


class ExtractionConfig(AppConfig):
    name = "danvan.extraction"
    label = "extraction"
    verbose_name = "Nhập văn bản"
