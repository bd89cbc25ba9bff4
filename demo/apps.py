from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Holds the `load_demo_content` command; no models."""

    name = "demo"
