from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "danvan.petitions"
    label = "petitions"
    verbose_name = "Ý kiến, khiếu nại, tố cáo"
