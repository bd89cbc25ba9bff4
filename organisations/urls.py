from django.urls import path, re_path

from . import views

app_name = "organisations"

# Outside the page tree under a prefix no page slug takes. A registration number is exactly
# eight digits; anything else does not match here (and is a 404).
urlpatterns = [
    path("organisations/", views.organisation_index, name="index"),
    re_path(r"^organisations/(?P<registration_number>[0-9]{8})/\Z", views.organisation_detail, name="detail"),
]
