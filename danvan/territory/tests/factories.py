import datetime as dt

import factory

from danvan.territory.models import REFORM_DATE, Kind, Level, Unit
from danvan.territory.tree import set_derived_fields


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"T{n:05d}")
    name = factory.Sequence(lambda n: f"Xã Thử Nghiệm {n}")
    kind = Kind.XA
    level = Level.COMMUNE
    valid_from: dt.date | None = REFORM_DATE
    valid_to = None

    @factory.post_generation
    def derive(obj: Unit, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            set_derived_fields(obj)
            obj.save(update_fields=["path", "depth", "name_folded", "sort_key"])


def province(
    name: str = "Thành phố Cần Thơ", code: str = "92", kind: str = Kind.THANH_PHO_TW, **kw: object
) -> Unit:
    return UnitFactory(name=name, code=code, kind=kind, level=Level.PROVINCE, **kw)


def commune(parent: Unit, name: str, code: str, kind: str = Kind.PHUONG, **kw: object) -> Unit:
    return UnitFactory(name=name, code=code, kind=kind, level=Level.COMMUNE, parent=parent, **kw)
