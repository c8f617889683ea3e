import factory

from danvan.accounts.models import Grant, User
from danvan.core.text import fold


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Người Dùng {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@danvan.test")
    search_folded = factory.LazyAttribute(lambda o: fold(f"{o.username} {o.full_name}"))
    password = factory.django.Password("mat-khau-thu-nghiem-2026")


PASSWORD = "mat-khau-thu-nghiem-2026"


def user_with_grant(username: str, role: str, unit: object | None) -> User:
    user = UserFactory(username=username)
    Grant.objects.create(user=user, role=role, unit=unit)
    return user
