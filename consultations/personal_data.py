"""E-mail addresses and telephone numbers inside what a commenter wrote.

A commenter may put their own (or somebody else's) contact data into the comment's text.
The record keeps the text exactly as received (its SHA-256 is the commenter's receipt);
what the site publishes has such data replaced by "…", and the moderator is shown what
was found before publishing. The patterns are the site's one definition of contact-like
text (calls/redaction.py), so the public pages, feeds and exports agree.
"""

from django.utils.html import format_html, format_html_join

from core.redaction import EMAIL_LIKE, PHONE_LIKE, without_contacts

PUBLIC_TEXT_FIELDS = ("proposed_wording", "justification")


def spans(text: str) -> list[tuple[int, int]]:
    """Where e-mail-like and phone-like strings stand in `text`, in order, without overlaps."""
    found = sorted(match.span() for pattern in (EMAIL_LIKE, PHONE_LIKE) for match in pattern.finditer(text or ""))
    merged = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def found_in(comment) -> list[str]:
    """Every contact-like string in the comment's public text fields."""
    return [
        getattr(comment, name)[start:end] for name in PUBLIC_TEXT_FIELDS for start, end in spans(getattr(comment, name))
    ]


def public_text(text: str) -> str:
    """The text as the site publishes it."""
    return without_contacts(text)


def highlighted(text: str):
    """The text, escaped, with each contact-like string in <mark> for the moderator."""
    pieces, last = [], 0
    for start, end in spans(text):
        pieces.append(("{}<mark>{}</mark>", (text[last:start], text[start:end])))
        last = end
    pieces.append(("{}", (text[last:],)))
    return format_html_join("", "{}", ((format_html(template, *args),) for template, args in pieces))
