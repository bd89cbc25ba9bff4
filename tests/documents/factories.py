import factory

from django.core.files.base import ContentFile

from wagtail.models import Collection

from demo import files as demo_files
from documents.models import DocumentType, IssuingBody, RegistryDocument, Status
from tests.factories import CyrillicSnippetFactory, factory_for

DocumentTypeFactory = factory_for(DocumentType, CyrillicSnippetFactory, name=factory.Sequence(lambda n: f"Врста {n}"))
IssuingBodyFactory = factory_for(IssuingBody, CyrillicSnippetFactory, name=factory.Sequence(lambda n: f"Орган {n}"))


class RegistryDocumentFactory(factory.django.DjangoModelFactory):
    """A published registry document with a real PDF; extraction runs when the test commits or captures on-commit.

    Pass published=False for one an editor has uploaded but not yet published.
    """

    title = factory.Sequence(lambda n: f"Документ {n}")
    status = Status.IN_FORCE
    published = True
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda doc: ContentFile(demo_files.pdf_document(doc.title, [f"Текст документа {doc.title}."]), name="doc.pdf")
    )

    class Meta:
        model = RegistryDocument
