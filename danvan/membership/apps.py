from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "danvan.membership"
    label = "membership"
    verbose_name = "Hội viên, đoàn viên"

    def ready(self) -> None:
        from danvan.core.personal_data import PersonalData, register

        register(
            PersonalData(
                "membership.Member",
                (
                    "full_name",
                    "name_folded",
                    "sort_key",
                    "birth_date",
                    "gender",
                    "id_hash",
                    "id_tail",
                    "home_unit",
                ),
                "person",
                "person",
                purpose="Hội viên, đoàn viên của các tổ chức",
            )
        )
