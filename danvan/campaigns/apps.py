from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "danvan.campaigns"
    label = "campaigns"
    verbose_name = "An sinh xã hội"
