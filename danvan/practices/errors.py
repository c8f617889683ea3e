"""Errors of the registry beyond the core ones: input that breaks a rule answers 422 in the API."""

from danvan.core.errors import DomainError


class InvalidInput(DomainError):
    """Input that breaks a rule (a missing name, an illegal step): a form error on pages, 422 in the API."""

    status = 422
