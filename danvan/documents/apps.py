from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "danvan.documents"
    label = "documents"
    verbose_name = "Văn bản xuất"

    def ready(self) -> None:
        from danvan.documents import builtin

        builtin.register()
