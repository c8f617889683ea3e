"""The world of the authorization matrix and the helpers its builders share (see `build.py`)."""

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.accounts.scope import UserScope, scope_for


class World:
    """A bag of named objects; `world.practice`, `world.commune_a`, ..."""

    def __init__(self, **objects: Any) -> None:
        self.__dict__.update(objects)

    def add(self, **objects: Any) -> None:
        self.__dict__.update(objects)

    def names(self) -> list[str]:
        return sorted(self.__dict__)


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png(name: str = "anh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def pdf(name: str = "bien-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def scope(user: Any) -> UserScope:
    return scope_for(user)


def yesterday(world: World) -> dt.date:
    return world.today - dt.timedelta(days=1)
