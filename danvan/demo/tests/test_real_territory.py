"""load_demo on the real territory (manage.py load_territory), loaded once for this module.

The territory and the demo stay inside one transaction that is rolled back after the module,
so the other tests still start from an empty database.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command, get_commands
from django.db import transaction

from danvan.accounts.models import Grant, User
from danvan.demo.practices import legacy_district
from danvan.demo.selectors import find_places
from danvan.demo.services import demo_load
from danvan.orgs.models import Organization, Person, Position, UnitSetting
from danvan.orgs.selectors import positions_on
from danvan.practices.models import Practice
from danvan.practices.stats import practice_stats
from danvan.territory.models import Level, Unit, UnitLineage

MODELS = [Unit, UnitLineage, Organization, Person, Position, UnitSetting, User, Grant, Practice]


@pytest.fixture(scope="module")
def first_run(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Counter[str]]:
    if "load_territory" not in get_commands():
        pytest.skip("manage.py load_territory is not available yet: the real territory cannot be loaded")
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_territory", stdout=StringIO())
        yield demo_load()
        transaction.set_rollback(True)


@pytest.fixture
def real(first_run: Counter[str], db: Any) -> Counter[str]:
    return first_run


def test_the_places_are_found_through_the_lineage(real):
    places = find_places()
    assert {key: found.province.code for key, found in places.items()} == {
        "soc_trang": "92",
        "cao_bang": "04",
        "thoai_son": "91",
        "hong_ngu": "82",
        "long_dien": "79",
    }
    soc_trang = [commune.name for commune in places["soc_trang"].communes]
    assert {"Phường Sóc Trăng", "Phường Phú Lợi"} <= set(soc_trang)
    assert {c.name for c in places["cao_bang"].communes} == {
        "Phường Thục Phán",
        "Phường Nùng Trí Cao",
        "Phường Tân Giang",
    }
    assert len(places["thoai_son"].communes) == 6
    assert real["organizations"] > 19 * 9 and real["users"] == 6 and real["positions"] == 11


def test_a_second_run_changes_nothing(real):
    before = {model.__name__: model.objects.count() for model in MODELS}
    assert demo_load() == Counter()
    assert {model.__name__: model.objects.count() for model in MODELS} == before


def test_the_named_people_and_their_posts(real):
    on_the_day = positions_on(Position.objects.all(), dt.date(2021, 7, 22))
    titles = Counter(p.person.full_name for p in on_the_day)
    assert titles == {
        "Vũ Văn Minh": 3,
        "Nguyễn Thị Huệ Chi": 2,
        "Tô Vũ Ninh": 2,
        "Nguyễn Thị Liêm": 1,
        "Lê Hữu Nghị": 1,
        "Đinh Văn Hiền": 1,
        "Lê Hùng Dũng": 1,
    }
    board = Organization.objects.get(name="Ban Dân vận Thành ủy Cao Bằng")
    assert (board.unit.name, board.unit.level, board.parent.name) == (
        "Thành phố Cao Bằng",
        Level.DISTRICT,
        "Thành ủy Cao Bằng",
    )
    assert Person.objects.get(full_name="Đinh Văn Hiền").home_unit.name == "Huyện Thoại Sơn"
    phu_loi = find_places()["soc_trang"].communes[1]
    assert phu_loi.name == "Phường Phú Lợi" and phu_loi.code == "31510"
    assert UnitSetting.objects.get(unit=phu_loi).records_keeper.kind.code == "mttq"


def test_the_articles_dan_van_kheo_figures_read_back(real):
    # Former Cao Bằng city, by May 2021 (seed article of 22/7/2021).
    city = legacy_district("04", "Thành phố Cao Bằng")
    stats = practice_stats(unit=city, year=2021)
    assert stats.by_body["co_quan_don_vi"] == 16 and stats.by_body["chi_dang_bo"] == 6
    assert stats.by_level["commune"] == 14 and stats.by_level["neighbourhood"] == 200
    assert stats.communes_share == 100.0 and stats.neighbourhoods_share == 100.0
    # The new Cao Bằng province reads the old city's records through the lineage.
    province = Unit.objects.get(code="04", valid_to__isnull=True)
    assert practice_stats(unit=province, year=2021).total == 236
    # Former Long Điền, first six months of 2018: 187 models and exemplars.
    district = legacy_district("77", "Huyện Long Điền", "Huyện Long Đất")
    assert practice_stats(unit=district, year=2018).total == 187
    # Today: a recognised, commended, published model adopted by a sibling ward.
    source = Practice.objects.get(name="Tuyến đường hoa, đường sáng do khu dân cư tự quản", source=None)
    assert source.status == "commended" and source.is_public and source.adoptions.count() == 1
