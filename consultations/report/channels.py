"""How each comment reached the office, its published attachment, and the manifest's lines.

Comments recorded by a moderator (received by e-mail, letter, at a hearing or a round table)
are counted and listed like the site's, marked by their channel. A position paper is linked
only when its author agreed to publish it and a moderator approved it (Comment.attachment_is_public);
the manifest then gives its SHA-256 next to the comment's.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Channel


@dataclass(frozen=True)
class PublicAttachment:
    """A position paper published with its comment: its name, public address and SHA-256."""

    name: str
    url: str
    sha256: str


@dataclass(frozen=True)
class ManifestLine:
    text_sha256: str
    tracking_number: str
    channel: str  # "web" for the site's form; any other is a comment recorded by a moderator
    attachment_sha256: str  # of the published attachment, "" when none is published

    @property
    def recorded(self) -> bool:
        return self.channel != Channel.WEB


def channel_label(code: str) -> str:
    return str(Channel(code).label) if code in Channel.values else code


def public_attachment(page, comment) -> PublicAttachment | None:
    if page is None or not comment.attachment_is_public:
        return None
    from ..published_attachments import attachment_url

    return PublicAttachment(comment.attachment_filename, attachment_url(page, comment), comment.attachment_sha256)


def per_channel(comments) -> dict[str, int]:
    counts = dict.fromkeys(Channel.values, 0)
    for comment in comments:
        counts[comment.channel] = counts.get(comment.channel, 0) + 1
    return counts


def manifest_lines(comments, rows) -> list[ManifestLine]:
    """One line per confirmed comment, by tracking number; attachments only where the report links them."""
    published = {row.tracking_number: row.attachment.sha256 for row in rows if row.attachment}
    lines = (
        ManifestLine(c.text_sha256, c.tracking_number or "", c.channel, published.get(c.tracking_number or "", ""))
        for c in comments
    )
    return sorted(lines, key=lambda line: (line.tracking_number, line.text_sha256))
