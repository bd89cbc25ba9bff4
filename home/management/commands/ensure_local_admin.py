import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create (or keep) a local administrator for development and print its credentials."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password-file",
            default=str(Path(settings.BASE_DIR) / ".local-admin-password"),
            help="Where the generated password is kept between runs (git-ignored).",
        )

    def handle(self, *args, password_file, **options):
        # A known login on a public server would be a gift to attackers.
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin only runs with DEBUG on (development settings).")
        path = Path(password_file)
        password = path.read_text().strip() if path.exists() else ""
        user = get_user_model().objects.filter(username=USERNAME).first()
        if user is None or not password or not user.check_password(password):
            password = password or secrets.token_urlsafe(12)
            path.write_text(password + "\n")
            path.chmod(0o600)
            user = user or get_user_model()(username=USERNAME, email="admin@localhost")
            user.is_staff = user.is_superuser = user.is_active = True
            user.set_password(password)
            user.save()
        admin_url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        self.stdout.write(self.style.SUCCESS(f"Admin: {admin_url}  user: {USERNAME}  password: {password}"))
