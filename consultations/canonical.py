"""The one canonical form of a comment's text: what is stored, hashed, shown and e-mailed.

A commenter checks their receipt by hashing the text the receipt shows, so the text
shown and the text hashed must be the same string. Browsers send line breaks as CRLF,
macOS keyboards may send decomposed letters (c + combining caron for "č"), e-mail
clients drop spaces at the end of lines; so every text is brought to this form
before it is stored, and the hash is taken over exactly this form:

- Unicode NFC (composed letters);
- line breaks are a single LF (CRLF, CR, NEL, U+2028 and U+2029 become LF);
- no control characters other than tab and LF (they are invisible and not valid in HTML);
- no whitespace at the end of any line, and none at the start or end of the whole text;
- encoded as UTF-8, with no final line feed.

`sha256sum` of a file holding the receipt's text (after `printf '%s' "$(cat file)"`,
which drops the final line feed an editor adds) gives the receipt's SHA-256.
"""

import hashlib
import re
import unicodedata

LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def canonical_form(text: str) -> str:
    """The text in the canonical form above; applying it twice changes nothing."""
    text = unicodedata.normalize("NFC", text or "")
    text = CONTROL_CHARACTERS.sub("", LINE_BREAKS.sub("\n", text))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def comment_text(
    *,
    consultation_id,
    target_label: str,
    kind: str,
    proposed_wording: str,
    justification: str,
    organisation_name: str,
    registration_number: str,
    respondent_type: str = "organisation",
) -> str:
    """What the commenter said, as one canonical text: the receipt shows it, its SHA-256 proves it."""
    return canonical_form(
        "\n".join(
            [
                f"consultation: {consultation_id}",
                f"target: {canonical_form(target_label)}",
                f"kind: {kind}",
                f"proposed wording: {canonical_form(proposed_wording)}",
                f"justification: {canonical_form(justification)}",
                respondent_line(respondent_type, organisation_name, registration_number),
            ]
        )
    )


def respondent_line(respondent_type: str, organisation_name: str, registration_number: str) -> str:
    """Who commented, in the canonical text.

    A registered organisation's line is the one every comment had before anyone else could
    comment, so the SHA-256 of every earlier receipt still matches. A citizen's name is
    personal data that may be erased on request: it is not part of the text.
    """
    if respondent_type == "organisation":
        return f"organisation: {canonical_form(organisation_name)} ({registration_number})"
    line = f"respondent: {respondent_type}"
    if respondent_type != "citizen" and organisation_name:
        line += f"; {canonical_form(organisation_name)}"
        if registration_number:
            line += f" ({registration_number})"
    return line


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def email_spelling(address: str) -> str:
    """One spelling of an address for recognising a repeated send: NFC, no spaces, lower case.

    Not the mailbox key of the rate limits (rate_limits.mailbox): a "+tag" address is a
    sender of its own here, as it was when the content keys of stored comments were made.
    """
    return unicodedata.normalize("NFC", address or "").strip().lower()


def content_key(*, consultation_id, article_id, email: str, consent: str, attachment_sha256: str, text: str) -> str:
    """The same content from the same sender to the same target: a second send of it is the first one.

    The consent and the attachment count as content: a visitor who goes back to change
    who may see the comment, or to add a file, sends a different comment.
    """
    parts = [str(consultation_id), str(article_id or ""), email_spelling(email), consent, attachment_sha256, text]
    return sha256_hex("\x1f".join(parts))
