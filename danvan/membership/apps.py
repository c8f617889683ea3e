from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "danvan.membership"
    label = "membership"
    verbose_name = "Hội viên, đoàn viên"
