"""A draft act in DOCX is split into its articles at the "Члан N" headings."""

import io

import pytest
from docx import Document

from django.core.files.base import ContentFile

from consultations.importing import MAX_ARTICLES, MAX_TEXT_LENGTH, ImportedArticle, article_number, articles_from_docx
from consultations.models import ConsultationPage
from demo.files import docx_document, pdf_document
from documents.models import RegistryDocument
from tests.consultations.factories import ConsultationPageFactory


def docx_file(paragraphs, title="Нацрт одлуке") -> io.BytesIO:
    return io.BytesIO(docx_document(title, paragraphs))


def saved(document) -> io.BytesIO:
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return buffer


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Члан 1", "1"),
        ("Члан 1.", "1"),
        ("  Члан 12а.  ", "12а"),
        ("ЧЛАН 3", "3"),
        ("Član 5", "5"),
        ("Clan 5.", "5"),
        ("ČLAN 7a", "7a"),
        ("Члан\xa04", "4"),
        ("Члaн 8", "8"),  # a Latin "a" typed inside the Cyrillic word
        ("Члан 5. ове одлуке примењује се од 1. јануара.", None),
        ("Члан", None),
        ("Чланови удружења", None),
        ("1. Члан 2", None),
    ],
)
def test_article_heading_is_recognised(text, number):
    assert article_number(text) == number


def test_cyrillic_draft_is_split_into_articles_with_headings():
    file = docx_file(
        [
            "На основу члана 32. Закона о локалној самоуправи, Скупштина Града Новог Сада доноси",
            "ОДЛУКУ",
            "Члан 1.",
            "Предмет одлуке",
            "Овом одлуком уређују се услови за доделу средстава удружењима.",
            "Члан 2",
            "Средства се додељују на основу јавног конкурса.",
            "Конкурс се расписује најмање једном годишње.",
            "Члан 12а",
            "Рок за пријаве",
            "Рок за подношење пријава је 30 дана.",
        ]
    )

    assert articles_from_docx(file) == [
        ImportedArticle("1", "Предмет одлуке", "Овом одлуком уређују се услови за доделу средстава удружењима."),
        ImportedArticle(
            "2",
            "",
            "Средства се додељују на основу јавног конкурса.\n\nКонкурс се расписује најмање једном годишње.",
        ),
        ImportedArticle("12а", "Рок за пријаве", "Рок за подношење пријава је 30 дана."),
    ]


def test_latin_and_capitalised_headings():
    file = docx_file(["ČLAN 1", "Predmet", "Tekst prvog člana.", "Clan 2.", "Tekst drugog člana.", "ЧЛАН 3", "Треће."])

    articles = articles_from_docx(file)

    assert [(a.number, a.heading) for a in articles] == [("1", "Predmet"), ("2", ""), ("3", "")]
    assert articles[1].text == "Tekst drugog člana."


def test_preamble_before_the_first_article_is_ignored():
    file = docx_file(["Преамбула без чланова.", "Правни основ", "Члан 1", "Једини члан."], title="НАСЛОВ АКТА")

    assert articles_from_docx(file) == [ImportedArticle("1", "", "Једини члан.")]


def test_a_lone_short_paragraph_is_the_text_not_the_heading():
    articles = articles_from_docx(docx_file(["Члан 1", "Ова одлука ступа на снагу даном доношења"]))

    assert articles == [ImportedArticle("1", "", "Ова одлука ступа на снагу даном доношења")]


def test_bold_or_heading_style_paragraph_is_a_heading_even_when_long():
    long_title = "Услови, критеријуми и мерила за избор програма које реализују удружења " * 2
    document = Document()
    document.add_paragraph("Члан 1")
    document.add_paragraph().add_run(long_title.strip() + ".").bold = True
    document.add_paragraph("Текст.")
    document.add_paragraph("Члан 2")
    document.add_heading("Завршне одредбе.", level=3)
    document.add_paragraph("Текст другог члана.")
    document.add_paragraph("Члан 3")
    document.add_paragraph(
        "Ово је дуга реченица без тачке на крају која није наслов јер има више од сто двадесет знакова " * 2
    )
    document.add_paragraph("Други став.")

    articles = articles_from_docx(saved(document))

    assert articles[0].heading == long_title.strip() + "."
    assert articles[1].heading == "Завршне одредбе."
    assert articles[2].heading == ""
    assert articles[2].text.endswith("Други став.")


def test_table_cells_are_part_of_the_article_text():
    document = Document()
    document.add_paragraph("Члан 1")
    document.add_paragraph("Износи средстава по областима:")
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(table.rows, [["Област", "Износ (РСД)"], ["Култура", "5.000.000"]], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Члан 2")
    document.add_paragraph("Текст.")

    articles = articles_from_docx(saved(document))

    assert articles[0].text == "Износи средстава по областима:\n\nОбласт | Износ (РСД)\nКултура | 5.000.000"
    assert len(articles) == 2


def test_article_heading_and_title_in_one_paragraph_with_a_line_break():
    document = Document()
    document.add_paragraph().add_run("Члан 1").add_break()
    document.paragraphs[-1].add_run("Предмет")
    document.add_paragraph("Текст.")

    assert articles_from_docx(saved(document)) == [ImportedArticle("1", "Предмет", "Текст.")]


def test_long_article_text_is_capped():
    paragraphs = ["Члан 1", *["Веома дугачак став нацрта одлуке о финансирању удружења. " * 40] * 20]

    (article,) = articles_from_docx(docx_file(paragraphs))

    assert len(article.text) <= MAX_TEXT_LENGTH
    assert article.text.endswith("[…]")


def test_too_many_articles_raise():
    paragraphs = [line for n in range(1, MAX_ARTICLES + 2) for line in (f"Члан {n}", "Текст.")]

    with pytest.raises(ValueError, match=str(MAX_ARTICLES)):
        articles_from_docx(docx_file(paragraphs))


def test_document_without_articles_raises_a_clear_error():
    with pytest.raises(ValueError, match="Члан 1"):
        articles_from_docx(docx_file(["Образложење нацрта.", "Разлози за доношење одлуке."]))


def test_a_file_that_is_not_docx_raises_a_clear_error():
    with pytest.raises(ValueError, match="DOCX"):
        articles_from_docx(io.BytesIO(pdf_document("Нацрт", ["Члан 1", "Текст."])))


@pytest.mark.django_db
def test_consultation_saved_with_a_docx_gets_its_articles(home_page):
    document = RegistryDocument(title="Нацрт одлуке о удружењима")
    data = docx_document("Нацрт одлуке", ["Члан 1.", "Предмет", "Прво.", "Члан 2.", "Друго, без наслова."])
    document.file.save("nacrt.docx", ContentFile(data), save=False)
    document.save()
    page = ConsultationPageFactory(home=home_page, article_count=0, import_from_docx=document)

    page = ConsultationPage.objects.get(pk=page.pk)
    assert [(a.number, a.heading, a.text) for a in page.articles.all()] == [
        ("1", "Предмет", "Прво."),
        ("2", "", "Друго, без наслова."),
    ]
    assert page.articles.first().locale == page.locale
