"""Contact data never leaves the site through calls, feeds or open data.

Results rows have no contact fields, and their text fields refuse anything that looks
like an e-mail address; what goes out (feeds, calendars, exports) is also scrubbed, because
data can reach the database without passing a form (imports, scripts, fixtures).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EMAIL_LIKE = re.compile(r"[^\s@<>()\[\],;:\"']+@[^\s@<>()\[\],;:\"']+\.[^\s@<>()\[\],;:\"']+")
# Serbian numbers as people write them: +381 21 123 456, 021/487-1234, 064 123 4567.
PHONE_LIKE = re.compile(r"(?:\+381|(?<!\d)0)[\s/-]?\(?\d{1,3}\)?[\s/-]?\d{3}[\s-]?\d{3,4}(?!\d)")
REDACTED = "…"


def without_contacts(text: str) -> str:
    """`text` with every e-mail-like and phone-like string replaced by an ellipsis."""
    if not text:
        return text or ""
    if "@" in text:  # the e-mail pattern tries every position of every word: skip it where it cannot match
        text = EMAIL_LIKE.sub(REDACTED, text)
    return PHONE_LIKE.sub(REDACTED, text)


def no_contact_data(value: str) -> None:
    if value and (EMAIL_LIKE.search(value) or PHONE_LIKE.search(value)):
        raise ValidationError(_("Results are public: leave out e-mail addresses and telephone numbers."))
