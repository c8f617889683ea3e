from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "danvan.core"
    label = "core"
    verbose_name = "Lõi hệ thống"

    def ready(self) -> None:
        from danvan.core import task_retry

        task_retry.connect()

        from danvan.core import search

        search.connect()  # SQLite connections learn danvan_fold() for accent-insensitive search
