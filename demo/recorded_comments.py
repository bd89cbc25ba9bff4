"""Demo comments that reached the office outside the site (a letter, an e-mail), entered by a moderator.

They go through the admin's own form and function (consultations/admin_recording.py): the same
checks as a typed-in comment (who may comment with which fields, lengths, the original's file
type), sealed and confirmed the same way, the scan of the letter kept as the private original.
Then the moderator publishes and answers them (consultations/moderation.py). The demo is built
today: the dates the data gives (when the letter arrived, when it was answered) are put on the
comment afterwards, and so is the version of the draft that was current then.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.admin_recording import RecordCommentForm, record_comment
from consultations.models import Comment, CommentState, ConsultationPage
from consultations.moderation import mark_answered, mark_published, mark_rejected
from core.scripts import latin_slug

from . import files
from .dates import moment


class DemoCommentRefusedError(ValueError):
    """The data file asks for a comment the admin's form would refuse: fix the data."""


def recorded_form(page: ConsultationPage, spec: dict) -> RecordCommentForm:
    article = page.articles.get(number=spec["article"]) if "article" in spec else None
    scan = files.scanned_pdf(spec["original"])
    name = f"{latin_slug(spec['organisation_name'] or spec['contact_name'], max_length=40)}-{spec['channel']}.pdf"
    # The admin form's own fields the data file gives; article, consultation and date as the form takes them.
    data = {name: spec[name] for name in RecordCommentForm.base_fields if name in spec}
    data |= {
        "consultation": page.pk,
        "article": article.pk if article else "",
        "received_on": moment(spec["received"]).date().isoformat(),
    }
    return RecordCommentForm(data=data, files={"attachment": SimpleUploadedFile(name, scan, "application/pdf")})


def record(page: ConsultationPage, spec: dict, versions: dict, answered_at, published_after) -> Comment:
    """One recorded comment from `spec` ([[closed.recorded]]), moderated to the state it gives."""
    form = recorded_form(page, spec)
    if not form.is_valid():
        raise DemoCommentRefusedError(f"{spec['organisation_name']}: {form.errors.as_json()}")
    comment = record_comment(form, user=None)
    received = moment(spec["received"])
    state = CommentState(spec["state"])
    if state == CommentState.PUBLISHED:
        mark_published(comment, now=received + published_after)
    elif state == CommentState.REJECTED:
        mark_rejected(comment, spec["rejection_reason"])
    if spec.get("decision"):
        mark_answered(comment, spec["decision"], spec["decision_reasons"], now=answered_at)
    comment.submitted_at = comment.confirmed_at = comment.entered_at = received
    comment.version = versions[spec.get("version", 1)]
    comment.save()
    return comment
