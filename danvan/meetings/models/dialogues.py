"""Questions of a dialogue: collected beforehand (by the MTTQ, from people) or raised on the day,
with the leader's answer (on the spot, or promised by a deadline with an owner). A question not
answered on the spot is followed up as a task (`followup_task`), later also as a petition."""

from django.db import models


class QuestionSource(models.TextChoices):
    FRONT = "front", "MTTQ tổng hợp trước"
    PEOPLE = "people", "Người dân gửi trước"
    ON_THE_DAY = "on_the_day", "Nêu tại buổi đối thoại"


class AnswerState(models.TextChoices):
    PENDING = "pending", "Chưa trả lời"
    ON_THE_SPOT = "on_the_spot", "Trả lời tại chỗ"
    PROMISED = "promised", "Hẹn trả lời, giải quyết sau"
    RESOLVED = "resolved", "Đã giải quyết theo cam kết"


class Question(models.Model):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="questions")
    source = models.CharField("nguồn", max_length=12, choices=QuestionSource.choices)
    asked_by = models.CharField("người nêu", max_length=200, blank=True)
    neighbourhood = models.ForeignKey(
        "territory.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="khu dân cư",
    )
    topic = models.CharField("chủ đề", max_length=200, blank=True)
    content = models.TextField("nội dung ý kiến")
    state = models.CharField(
        "trả lời", max_length=12, choices=AnswerState.choices, default=AnswerState.PENDING, db_index=True
    )
    answer = models.TextField("nội dung trả lời", blank=True)
    answered_by = models.CharField("người trả lời", max_length=200, blank=True)
    commitment_owner = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="cơ quan thực hiện cam kết",
    )
    commitment_deadline = models.DateField("hạn thực hiện cam kết", null=True, blank=True)
    followup_task = models.OneToOneField(
        "meetings.Task",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question",
        verbose_name="nhiệm vụ theo dõi",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "ý kiến đối thoại"
        verbose_name_plural = "ý kiến đối thoại"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.topic or self.content[:80]
