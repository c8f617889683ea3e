from django.urls import path

from danvan.meetings.views import calendar, directives, meetings, reception, stats, supervision, tasks

app_name = "meetings"
urlpatterns = [
    path("", meetings.index, name="index"),
    path("moi/", meetings.create, name="create"),
    path("<int:pk>/", meetings.detail, name="detail"),
    path("<int:pk>/dai-bieu/", meetings.add_attendee, name="attendee_add"),
    path("<int:pk>/da-hop/", meetings.hold, name="hold"),
    path("<int:pk>/huy/", meetings.cancel, name="cancel"),
    path("<int:pk>/ket-thuc/", meetings.close, name="close"),
    path("<int:pk>/y-kien/", meetings.add_question, name="question_add"),
    path("<int:pk>/y-kien/<int:question_id>/tra-loi/", meetings.answer_question, name="question_answer"),
    path("lich/", calendar.month, name="calendar"),
    path("lich.ics", calendar.ics, name="ics"),
    path("nhiem-vu/", tasks.task_index, name="tasks"),
    path("nhiem-vu/<int:pk>/", tasks.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/nhiem-vu-con/", tasks.task_child, name="task_child"),
    path("nhiem-vu/<int:pk>/huy/", tasks.task_cancel, name="task_cancel"),
    path("nhiem-vu/minh-chung/<int:pk>/", tasks.evidence, name="evidence"),
    path("viec-duoc-giao/<int:organization_id>/", tasks.assigned, name="assigned"),
    path("chi-dao/", directives.directive_index, name="directives"),
    path("chi-dao/<int:pk>/", directives.directive_detail, name="directive"),
    path("chi-dao/<int:pk>/nhiem-vu/", directives.directive_task, name="directive_task"),
    path("giam-sat/", supervision.supervision_index, name="supervisions"),
    path("giam-sat/<int:pk>/", supervision.supervision_detail, name="supervision"),
    path(
        "giam-sat/<int:pk>/kien-nghi/<int:recommendation_id>/",
        supervision.recommendation_answer,
        name="recommendation_answer",
    ),
    path("tiep-cong-dan/", reception.reception_index, name="reception"),
    path("tiep-cong-dan/lich/<int:schedule_id>/them-buoi/", reception.session_plan, name="session_plan"),
    path("tiep-cong-dan/buoi/<int:session_id>/ghi-nhan/", reception.session_record, name="session_record"),
    path("lich-tiep-cong-dan/", reception.public_reception, name="public_reception"),
    path("thong-ke/", stats.stats, name="stats"),
    path("chu-de-nam/", stats.theme, name="theme"),
]
