"""Reading the site's sitemap as a search engine does: schema-valid XML, its URLs and their language versions.

The schemas are the sitemaps.org ones, with the XHTML link element the alternates use
(tests/sitemap_schemas/README.md says where each file comes from).
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "sitemap_schemas"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"


@cache
def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def valid_document(content: bytes, schema_name: str):
    document = etree.fromstring(content)
    checker = schema(schema_name)
    assert checker.validate(document), f"{schema_name}: {checker.error_log}"
    return document


@dataclass(frozen=True)
class ListedUrl:
    lastmod: str | None
    alternates: dict[str, str]  # hreflang → URL


def sitemap_urls(content: bytes) -> dict[str, ListedUrl]:
    """{loc: its lastmod and alternates} of a sitemap file, which must be valid against the schema."""
    document = valid_document(content, "sitemap-with-alternates.xsd")
    urls = {}
    for url in document.iter(f"{SITEMAP_NS}url"):
        loc = url.findtext(f"{SITEMAP_NS}loc")
        assert loc not in urls, f"{loc} is listed twice"
        alternates = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML_NS}link")}
        urls[loc] = ListedUrl(url.findtext(f"{SITEMAP_NS}lastmod"), alternates)
    return urls


def index_locations(content: bytes) -> list[str]:
    """The sitemap files a sitemap index names, which must be valid against the schema."""
    document = valid_document(content, "siteindex.xsd")
    return [sitemap.findtext(f"{SITEMAP_NS}loc") for sitemap in document.iter(f"{SITEMAP_NS}sitemap")]


def local(url: str) -> str:
    """The path and query of an absolute URL, to ask the test client for it."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def every_listed_url(client) -> dict[str, ListedUrl]:
    """Every URL of every file the site's sitemap index names, as a crawler would collect them."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"] == "application/xml"
    urls = {}
    for location in index_locations(index.content):
        response = client.get(local(location))
        assert response.status_code == 200, location
        listed = sitemap_urls(response.content)
        assert not listed.keys() & urls.keys(), "a URL is in two sitemap files"
        urls |= listed
    return urls
