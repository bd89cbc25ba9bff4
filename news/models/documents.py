from documents.models import RegistryDocument


def public_documents(stream) -> list:
    """The registry documents chosen in a StreamField, in order, leaving out any no longer public."""
    ids = [block.value.pk for block in stream if block.value]
    public = RegistryDocument.objects.public().in_bulk(ids)
    return [public[pk] for pk in ids if pk in public]
