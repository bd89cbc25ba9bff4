"""The one body StreamBlock every content page shares."""

import copy

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A section heading; it also appears in screen readers' outline.")
        preview_value = {"text": "Делокруг послова", "level": "h2"}


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = _("An image with a required text alternative.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        max_length=250,
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        description = _("A link to a document in the registry, with its format and size.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"), max_length=2000)
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=250, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("A quotation with its source.")
        preview_value = {"text": "Сарадња заснована на поверењу.", "attribution": "Канцеларија"}


class TranslatableTableBlock(TableBlock):
    """A table whose caption and cells are translated (and transliterated) like any text.

    wagtail-localize ignores TableBlock, which would leave Cyrillic cells on Latin pages.
    """

    def get_translatable_segments(self, value):
        if not value:
            return []
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_number, row in enumerate(value.get("data") or []):
            for column_number, cell in enumerate(row):
                if cell:
                    segments.append(StringSegmentValue(f"cell-{row_number}-{column_number}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            text = segment.render_text()
            if segment.path == "caption":
                value["table_caption"] = text
            elif segment.path.startswith("cell-"):
                _prefix, row_number, column_number = segment.path.split("-")
                value["data"][int(row_number)][int(column_number)] = text
        return value

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        description = _("A table with an optional header row and caption.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Paragraphs, lists and links."),
    )
    image = AccessibleImageBlock()
    document = DocumentLinkBlock()
    quote = QuoteBlock()
    table = TranslatableTableBlock(
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right", "remove_row", "remove_col"]}
    )
