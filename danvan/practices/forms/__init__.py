"""Forms of the registry pages. They parse input; the rules live in the services."""

from django import forms

from danvan.core.errors import DomainError


def add_domain_errors(form: forms.Form, exc: DomainError, fields: dict[str, str] | None = None) -> None:
    """Show a service's DomainError on the form: each message next to its field, the rest on top."""
    fields = fields or {}
    for key, messages in exc.errors.items():
        name = fields.get(key, key)
        for message in messages:
            form.add_error(name if name in form.fields else None, message)
    if not exc.errors or not any(fields.get(k, k) in form.fields for k in exc.errors):
        form.add_error(None, exc.message)
