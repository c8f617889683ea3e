from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "danvan.meetings"
    label = "meetings"
    verbose_name = "Hội nghị, đối thoại và chỉ đạo"

    def ready(self) -> None:
        from danvan.meetings import documents

        documents.register()
