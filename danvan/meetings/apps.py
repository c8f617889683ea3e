from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "danvan.meetings"
    label = "meetings"
    verbose_name = "Hội nghị, đối thoại và chỉ đạo"
