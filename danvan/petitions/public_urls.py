"""Public pages for citizens, no login. The lead mounts this module at /gui-y-kien/."""

from django.urls import path

from danvan.petitions.views import public

app_name = "petitions_public"
urlpatterns = [
    path("", public.index, name="index"),
    path("da-gui/", public.sent, name="sent"),
    path("theo-doi/", public.track_form, name="track_form"),
    path("theo-doi/<str:code>/", public.track, name="track"),
    path("theo-doi/<str:code>/tep/<int:pk>/", public.public_file, name="file"),
    path("theo-doi/<str:code>/<str:secret>/", public.private, name="private"),
    path("theo-doi/<str:code>/<str:secret>/<slug:name>/", public.private_step, name="private_step"),
    path("thong-ke/", public.stats, name="stats"),
]
