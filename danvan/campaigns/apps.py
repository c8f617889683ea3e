from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "danvan.campaigns"
    label = "campaigns"
    verbose_name = "An sinh xã hội"

    def ready(self) -> None:
        from danvan.campaigns import documents
        from danvan.core.personal_data import PersonalData, register

        documents.register()

        def by_name(subject):
            from danvan.campaigns.models import Beneficiary

            return Beneficiary.objects.filter(full_name__in=subject.names).order_by("pk")

        def donations_of(subject):
            from danvan.campaigns.models import Contribution

            return Contribution.objects.filter(donor_name__in=subject.names).order_by("pk")

        register(
            PersonalData(
                "campaigns.Beneficiary",
                ("full_name", "address", "birth_year", "household_key"),
                "person",
                by_name,
                purpose="Người, hộ nhận hỗ trợ: chỉ để tránh nhận trùng và trả lời ai đã nhận gì",
            ),
            PersonalData(
                "campaigns.Contribution",
                ("donor_name",),
                "person",
                donations_of,
                purpose="Người đóng góp cá nhân: ghi nhận, cảm ơn và công khai khi người đó đồng ý",
            ),
        )
