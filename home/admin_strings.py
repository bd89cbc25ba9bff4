"""Wagtail strings that editors meet often and Wagtail does not translate into Serbian.

Wagtail ships no Serbian catalogue; listing its message ids here puts them in ours
(project catalogues take precedence over packages'), so an editor uploading a file
too large reads the error in their own language.
"""

from django.utils.translation import gettext_noop

WAGTAIL_MESSAGES = [
    gettext_noop("This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."),
    gettext_noop("This file is too big. Maximum filesize %(max_filesize)s."),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
]
