from django.apps import AppConfig


class GeneratorConfig(AppConfig):
    name = "danvan.generator"
    label = "generator"
    verbose_name = "Sinh dữ liệu quy mô quốc gia"
