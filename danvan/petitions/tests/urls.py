"""The project's URLs plus the public petition pages where the lead will mount them."""

from django.urls import include, path

from config.urls import urlpatterns as project

urlpatterns = [*project, path("gui-y-kien/", include("danvan.petitions.public_urls"))]
