from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class DashboardsConfig(AppConfig):
    name = "danvan.dashboards"
    label = "dashboards"
    verbose_name = "Tổng quan"

    def ready(self) -> None:
        """What the dashboards keep in the cache is dropped when its source changes
        (danvan.dashboards.selectors)."""
        from danvan.dashboards.selectors import definitions_changed, territory_changed
        from danvan.reporting.models import Indicator, ReportForm
        from danvan.territory.models import Unit

        for model, handler in ((Indicator, definitions_changed), (ReportForm, definitions_changed),
                               (Unit, territory_changed)):  # fmt: skip
            uid = f"dashboards-{model.__name__}"
            post_save.connect(handler, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(handler, sender=model, dispatch_uid=f"{uid}-delete")
