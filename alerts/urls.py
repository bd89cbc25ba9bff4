from django.urls import path

from . import views

app_name = "alerts"

# Paths in the visitor's language are not worth a second route each: one ASCII path for all languages.
urlpatterns = [
    path("alerts/", views.subscribe, name="subscribe"),
    path("alerts/check-your-email/", views.check_email, name="check_email"),
    path("alerts/confirm/<int:pk>/<str:token>/", views.confirm, name="confirm"),
    path("alerts/manage/<int:pk>/<str:token>/", views.manage, name="manage"),
    path("alerts/unsubscribe/<int:pk>/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
