"""A URL configuration without language prefixes, named on API requests for LocaleMiddleware (see base.py)."""

from django.urls import include, path

urlpatterns = [path("api/", include("api.urls"))]
