from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "danvan.meetings"
    label = "meetings"
    verbose_name = "Hội nghị, đối thoại và chỉ đạo"

    def ready(self) -> None:
        from danvan.core.personal_data import PersonalData, register
        from danvan.meetings import documents

        documents.register()

        def questions_of(subject):
            from danvan.meetings.models import Question

            return Question.objects.filter(asked_by__in=subject.names).order_by("pk")

        register(
            PersonalData(
                "meetings.Question",
                ("asked_by",),
                "person",
                questions_of,
                purpose="Người dân nêu câu hỏi tại đối thoại: trả lời và theo dõi lời hứa với đúng người",
            )
        )
