from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("documents/export.<str:fmt>", views.registry_export, name="export"),
    path("documents/<int:document_id>/<slug:slug>/", views.document_detail, name="detail"),
    path("documents/<int:document_id>/versions/<int:version_id>/", views.version_download, name="version"),
]
