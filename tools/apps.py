from django.apps import AppConfig


class ToolsConfig(AppConfig):
    """Installed only so that ``manage.py search_benchmark`` and ``search_relevance`` are found."""

    name = "tools"
