from django.urls import path

from home import converters  # noqa: F401  (registers <dbid:…>)

from . import views

app_name = "documents"

urlpatterns = [
    path("documents/export.<str:fmt>", views.registry_export, name="export"),
    path("documents/<dbid:document_id>/<slug:slug>/", views.document_detail, name="detail"),
    path("documents/<dbid:document_id>/versions/<dbid:version_id>/", views.version_download, name="version"),
]
