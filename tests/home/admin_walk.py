"""Walking the admin as a signed-in user: the screens listed from the registries, then a bounded crawl.

Used by tests/home/test_admin_screens.py (a superuser) and tests/home/test_admin_screens_editor.py (an
ordinary editor): two files, so the two walks (each about a minute) run on two test processes at once.
"""

import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit

from django.contrib.admin.utils import quote
from django.test import Client, RequestFactory
from django.urls import reverse

from wagtail.admin.menu import admin_menu
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

# Words typed into every search box: a Latin and a Cyrillic query (the registry's search broke on one).
SEARCH_TERMS = ("zakon", "закон")
# Screens beyond the listed ones the crawl may open, per user, and how many of one shape
# (the same path with other ids, the same query keys) it opens: enough to meet every kind
# of screen, few enough to run in well under two minutes.
CRAWL_BUDGET = 150
PER_SHAPE = 2
# Snippets of one model share their edit screen; their translations are more of the same.
SNIPPETS_PER_MODEL = 5
# GET on these must not be tried: they log out or act on what they name.
UNSAFE = re.compile(r"/(logout|lock|unlock|approve|reject|enable|disable)/|/workflow/action/|/bulk/")
REPORT_URL_NAMES = [
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:page_types_usage",
]


class LinkParser(HTMLParser):
    """The links of an admin screen, and the targets of its GET forms that have a search box."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.search_targets: list[str] = []
        self._form_action: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        elif tag == "form" and (attributes.get("method") or "get").lower() == "get":
            self._form_action = attributes.get("action") or ""
        elif tag == "input" and attributes.get("name") == "q" and self._form_action is not None:
            self.search_targets.append(self._form_action)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form_action = None


def admin_url(href: str, base: str) -> str | None:
    """The same-origin admin URL an href points at, without fragment; None for anything else."""
    url = urldefrag(urljoin(base, href))[0]
    parts = urlsplit(url)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    if not parts.path.startswith("/admin/") or UNSAFE.search(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def shape(url: str) -> str:
    """/admin/pages/12/edit/?p=2 and /admin/pages/40/edit/?p=3 are one kind of screen."""
    parts = urlsplit(url)
    keys = sorted({key for key, _value in parse_qsl(parts.query, keep_blank_values=True)})
    return re.sub(r"\d+", "N", parts.path) + "?" + "&".join(keys)


def searches(target: str, base: str) -> list[str]:
    """The search box's own target (often a results-only view) and the listing itself, with each term."""
    paths = {urlsplit(path).path for path in (admin_url(target or base, base), admin_url(base, base)) if path}
    return [f"{path}?{urlencode({'q': term})}" for path in sorted(paths) for term in SEARCH_TERMS]


def menu_urls(user) -> list[str]:
    """Every entry of the admin menu (and its submenus) as this user sees it."""
    # Viewsets add their menu entries while the admin's URLs load; the menu must not be read before.
    reverse("wagtailadmin_home")
    request = RequestFactory().get("/admin/")
    request.user = user
    urls, items = [], list(admin_menu.menu_items_for_request(request))
    while items:
        item = items.pop()
        if getattr(item, "menu", None) is not None:
            items.extend(item.menu.menu_items_for_request(request))
        elif item.url:
            urls.append(item.url)
    return urls


def one_page_per_type() -> set[int]:
    pages = Page.objects.filter(depth__gt=1).order_by("content_type_id", "pk").values_list("content_type_id", "pk")
    return set(dict(reversed(list(pages))).values())


def listed_screens(user, *, every_page: bool) -> list[str]:
    """The screens opened one by one, whatever the crawl finds.

    A page's edit view depends on its content (the six demo pages that answered 500 did so
    on what they held), so `every_page` opens each page's editor; history and revisions
    depend on the page type only, so one page of each type is enough for them.
    """
    urls = ["/admin/", *menu_urls(user), *(reverse(name) for name in REPORT_URL_NAMES)]
    samples = one_page_per_type()
    for page_id in Page.objects.filter(depth__gt=1).values_list("pk", flat=True):
        if every_page or page_id in samples:
            urls.append(reverse("wagtailadmin_pages:edit", args=[page_id]))
        if page_id in samples:
            urls.extend(
                reverse(f"wagtailadmin_pages:{name}", args=[page_id]) for name in ("history", "revisions_index")
            )
    for document_id in get_document_model().objects.values_list("pk", flat=True):
        urls.append(reverse("wagtaildocs:edit", args=[document_id]))
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        urls.append(reverse(viewset.get_url_name("list")))
        for pk in model.objects.values_list("pk", flat=True)[:SNIPPETS_PER_MODEL]:
            urls.append(reverse(viewset.get_url_name("edit"), args=[quote(pk)]))
    for model in settings_registry:
        urls.append(reverse("wagtailsettings:edit", args=[model._meta.app_label, model._meta.model_name]))
    # Menu entries may be "#" (a submenu) or the Wagtail guide: only the admin's own screens count.
    screens = (admin_url(url, "/admin/") for url in urls)
    return list(dict.fromkeys(url for url in screens if url))


def open_admin(client: Client, listed: list[str], budget: int) -> tuple[list[str], int]:
    """Open the listed screens and crawl on from them; the 5xx answers, and how many URLs were opened."""
    queue = deque(listed)
    seen, shapes, parsed, failures = set(listed), Counter(), Counter(), []
    crawled = 0

    def enqueue(url: str, *, listed_here=False):
        nonlocal crawled
        if url in seen:
            return
        if not listed_here and (crawled >= budget or shapes[shape(url)] >= PER_SHAPE):
            return
        seen.add(url)
        shapes[shape(url)] += 1
        crawled += 0 if listed_here else 1
        queue.append(url)

    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url}")
            continue
        if response.status_code in (301, 302) and (target := admin_url(response["Location"], url)):
            enqueue(target)
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        # Sixty pages' edit screens hold the same kinds of links: reading a few of them is enough.
        parsed[shape(url)] += 1
        if parsed[shape(url)] > PER_SHAPE:
            continue
        parser = LinkParser()
        parser.feed(response.content.decode())
        for target in parser.search_targets:
            for search in searches(target, url):
                enqueue(search, listed_here=True)
        for href in parser.links:
            if target := admin_url(href, url):
                enqueue(target)
    return failures, len(seen)


def walk_admin(user, *, every_page: bool) -> tuple[list[str], int]:
    """`user` opens the listed screens (every page's editor, or one of each page type) and crawls on."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return open_admin(client, listed_screens(user, every_page=every_page), CRAWL_BUDGET)


def log_a_document_edit(user) -> None:
    """An editor has edited a document: the site-history report then lists it with its admin link."""
    document = get_document_model().objects.order_by("pk").first()
    log(instance=document, action="wagtail.edit", user=user)


def assert_every_screen_opened(name: str, failed: list[str], opened: int) -> None:
    """No screen answered 5xx, and the walk met more than 150 screens (the listed ones and the crawl's)."""
    assert not failed, "admin screens answering 5xx:\n" + "\n".join(f"{name}: {line}" for line in failed)
    assert opened > 150, {name: opened}
