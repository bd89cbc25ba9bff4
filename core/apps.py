from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from .page_cache import invalidation

        invalidation.connect()  # any change an anonymous page can show empties the page cache
