"""Uploaded images served by the site itself when media live on the local disk.

A one-machine deployment keeps uploads in MEDIA_ROOT, and WhiteNoise serves only static
files, so without this view every image on the site would be a 404. Only Wagtail's image
folders are served: the same folder also holds registry documents (served, with their
privacy rules, by the document views), their thumbnails (a private document's first page)
and comment attachments, none of which may be reachable by URL. With S3 the store's own
signed URLs are used and this view is not routed.
"""

import mimetypes
import posixpath
from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.views import static
from django.views.decorators.http import require_safe

from core.downloads import as_download

# Wagtail's originals and renditions (wagtail.images' upload paths).
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")
# Renditions are regenerated under new names when an image changes; a day bounds staleness of originals.
MEDIA_CACHE_CONTROL = "public, max-age=86400"


def serves_local_media() -> bool:
    return settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def public_media_file(path: str) -> str:
    """The path relative to MEDIA_ROOT if it names an image in a public folder, else Http404."""
    normalised = posixpath.normpath(path).lstrip("/")
    parts = normalised.split("/")
    if len(parts) < 2 or parts[0] not in PUBLIC_MEDIA_FOLDERS or ".." in parts or "\\" in normalised:
        raise Http404
    content_type, _encoding = mimetypes.guess_type(normalised)
    if not content_type or not content_type.startswith("image/"):
        raise Http404
    # A symbolic link must not lead out of the public folder.
    root = Path(settings.MEDIA_ROOT).resolve()
    if not (root / normalised).resolve().is_relative_to(root / parts[0]):
        raise Http404
    return normalised


@require_safe
def serve_public_media(request, path: str):
    # django.views.static.serve: no directory listing, Last-Modified / If-Modified-Since, content type.
    response = static.serve(request, public_media_file(path), document_root=settings.MEDIA_ROOT, show_indexes=False)
    response["Cache-Control"] = MEDIA_CACHE_CONTROL
    # An image is data: if opened on its own (an SVG, say) it runs nothing and embeds nothing.
    return as_download(response)
