"""Run by tests/home/test_sqlite_concurrency.py in a fresh process, on a SQLite file.

An editor publishes a page (its Latin twin included) again and again while another
connection keeps writing draft revisions of the same page, as the admin's autosave does.
Prints a JSON summary: every exception either side met, and every twin failure logged.
"""

import json
import logging
import sys
import threading

import django
from django.conf import settings

django.setup()

from django.apps import apps  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402

# Tables straight from the models: the schema the migrations build, in a fraction of the time.
settings.MIGRATION_MODULES = {app.label: None for app in apps.get_app_configs()}
call_command("migrate", run_syncdb=True, verbosity=0)

from home.models import StandardPage  # noqa: E402
from tests.factories import SiteHomePageFactory, StandardPageFactory  # noqa: E402

PUBLISHES = int(sys.argv[1]) if len(sys.argv) > 1 else 12

twin_failures = []


class TwinFailures(logging.Handler):
    def emit(self, record):
        twin_failures.append(record.getMessage())


logging.getLogger("home.latin_twin").addHandler(TwinFailures(level=logging.ERROR))

home = SiteHomePageFactory()
page = StandardPageFactory(parent=home, title="Јавни позив", intro="Увод 0.")
page.save_revision().publish()
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
connections.close_all()

errors = []
publishing = threading.Event()
publishing.set()


def editor_publishes():
    try:
        for number in range(1, PUBLISHES + 1):
            current = StandardPage.objects.get(pk=page.pk)
            current.intro = f"Увод {number}."
            current.save_revision().publish()
    except Exception as error:  # noqa: BLE001 - the probe reports every failure to the parent test
        errors.append(f"publish: {error!r}")
    finally:
        publishing.clear()
        connections.close_all()


def admin_autosaves():
    saved = 0
    try:
        while publishing.is_set() or saved < 5:
            draft = StandardPage.objects.get(pk=page.pk)
            draft.search_description = f"нацрт {saved}"
            draft.save_revision()
            saved += 1
    except Exception as error:  # noqa: BLE001 - the probe reports every failure to the parent test
        errors.append(f"autosave: {error!r}")
    finally:
        connections.close_all()


threads = [threading.Thread(target=editor_publishes), threading.Thread(target=admin_autosaves)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

twin = StandardPage.objects.get(translation_key=page.translation_key, locale__language_code="sr-latn")
print(  # noqa: T201 - the parent test reads this line from stdout
    json.dumps(
        {
            "journal_mode": journal_mode,
            "errors": errors,
            "twin_failures": twin_failures,
            "live_intro": StandardPage.objects.get(pk=page.pk).intro,
            "twin_intro": twin.intro,
            "twin_live": twin.live,
        }
    )
)
