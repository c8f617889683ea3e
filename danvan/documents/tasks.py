"""Background work of the documents app: generating a requested document."""

from django.tasks import task

from danvan.documents.services import document_generate


@task()
def generate_document(document_id: int) -> None:
    document_generate(document_id=document_id)
