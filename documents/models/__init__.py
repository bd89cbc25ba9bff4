from .pages import DocumentLibraryPage
from .registry import DocumentVersion, Extraction, FileLanguage, RegistryDocument, Status
from .snippets import DocumentType, IssuingBody

__all__ = [
    "DocumentLibraryPage",
    "DocumentType",
    "DocumentVersion",
    "Extraction",
    "FileLanguage",
    "IssuingBody",
    "RegistryDocument",
    "Status",
]
