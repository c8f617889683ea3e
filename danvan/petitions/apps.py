from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "danvan.petitions"
    label = "petitions"
    verbose_name = "Ý kiến, khiếu nại, tố cáo"

    def ready(self) -> None:
        from danvan.core.personal_data import PersonalData, register

        def by_name(subject):
            from danvan.petitions.models import Petition

            return Petition.objects.filter(citizen_name__in=subject.names).order_by("pk")

        register(
            PersonalData(
                "petitions.Petition",
                ("citizen_name", "citizen_phone", "citizen_email", "citizen_address"),
                "person",
                by_name,
                purpose="Người gửi ý kiến, đơn thư (danh tính người tố cáo chỉ người xử lý được giao xem)",
            )
        )
