"""Comments: a unique content key against repeated sends, and the canonical text for stored comments.

What is safe to recompute:
- an UNCONFIRMED comment has had no receipt yet: nobody holds its hash, so its text takes the
  canonical form (NFC, LF line breaks, no trailing whitespace) and its hash is recomputed;
- a confirmed, published or rejected comment already has a receipt (its e-mail carries the
  hash) and may be in a published manifest: its text and hash are left exactly as they are;
- the content key is new and nobody holds it: every comment with a contact e-mail gets one;
  of earlier repeated sends (the bug this key prevents) only the earliest gets it.
"""

from django.db import migrations, models

from consultations.canonical import canonical_form, comment_text, content_key, sha256_hex

CANONICAL_FIELDS = ("proposed_wording", "justification", "organisation_name", "contact_name")


def _text(comment) -> str:
    return comment_text(
        consultation_id=comment.consultation_id,
        target_label=comment.target_label,
        kind=comment.kind,
        proposed_wording=comment.proposed_wording,
        justification=comment.justification,
        organisation_name=comment.organisation_name,
        registration_number=comment.registration_number,
    )


def canonicalise_and_key(apps, schema_editor):
    Comment = apps.get_model("consultations", "Comment")
    keys_given = set()
    for comment in Comment.objects.order_by("submitted_at", "pk").iterator():
        changed = []
        if comment.state == "unconfirmed":
            for name in CANONICAL_FIELDS:
                value = canonical_form(getattr(comment, name))
                if value != getattr(comment, name):
                    setattr(comment, name, value)
                    changed.append(name)
            text_sha256 = sha256_hex(_text(comment))
            if text_sha256 != comment.text_sha256:
                comment.text_sha256 = text_sha256
                changed.append("text_sha256")
        if comment.contact_email:
            key = content_key(
                consultation_id=comment.consultation_id,
                article_id=comment.article_id,
                email=comment.contact_email,
                consent=comment.consent,
                attachment_sha256=comment.attachment_sha256,
                text=_text(comment),
            )
            if key not in keys_given:
                keys_given.add(key)
                comment.content_key = key
                changed.append("content_key")
        if changed:
            comment.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0002_attachment_in_random_folder"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="content_key",
            field=models.CharField(editable=False, max_length=64, null=True, unique=True),
        ),
        migrations.RunPython(canonicalise_and_key, migrations.RunPython.noop),
    ]
