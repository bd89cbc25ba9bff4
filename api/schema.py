"""The OpenAPI schema covers the public API only: Wagtail's admin API is built on the same framework."""

from .params import API_PREFIX


def only_public_api(endpoints):
    """drf-spectacular preprocessing hook: keep the endpoints under /api/v1/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]
