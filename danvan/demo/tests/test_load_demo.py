"""load_demo on a small territory shaped like the real one: what it creates, and that it is idempotent."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from danvan.accounts.models import Grant, Role, User
from danvan.audit.models import AuditEvent
from danvan.demo.content import PASSWORD
from danvan.demo.services import demo_load
from danvan.orgs.models import Organization, Person, Position, UnitSetting
from danvan.orgs.selectors import positions_on
from danvan.territory.models import LEGACY_END, Level, Unit

MODELS = [Unit, Organization, Person, Position, UnitSetting, User, Grant, AuditEvent]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_without_territory_it_says_to_load_it_first(db):
    with pytest.raises(CommandError, match="load_territory"):
        call_command("load_demo", stdout=StringIO())
    assert all(n == 0 for name, n in counts().items() if name != "AuditEvent")


def test_banner_without_demo_still_prints_the_address(db):
    out = StringIO()
    call_command("demo_banner", "--port", "8765", stdout=out)
    assert "http://127.0.0.1:8765/" in out.getvalue()
    assert "load_demo" in out.getvalue()


def test_a_second_run_creates_nothing(mini_territory):
    first = demo_load()
    assert first["organizations"] > 0 and first["users"] == 6
    after_first = counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert counts() == after_first
    assert "không tạo thêm" in out.getvalue()


def test_communes_get_todays_structure_and_a_records_keeper(mini_territory):
    demo_load()
    soc_trang, phu_loi = mini_territory.new_communes["soc_trang"]
    front = Organization.objects.get(unit=soc_trang, kind__code="mttq")
    assert sorted(front.children.filter(unit=soc_trang).values_list("kind__code", flat=True)) == [
        "cong_doan",
        "doan_thanh_nien",
        "hoi_cuu_chien_binh",
        "hoi_nong_dan",
        "hoi_phu_nu",
    ]
    assert UnitSetting.objects.get(unit=soc_trang).records_keeper.kind.code == "ban_xay_dung_dang"
    assert UnitSetting.objects.get(unit=phu_loi).records_keeper.kind.code == "mttq"
    khom = Unit.objects.filter(parent=soc_trang, level=Level.NEIGHBOURHOOD).order_by("code")
    assert [(u.code, u.name, u.is_official) for u in khom] == [
        ("31507-001", "Khóm 1", False),
        ("31507-002", "Khóm 2", False),
        ("31507-003", "Khóm 3", False),
    ]
    assert khom[0].path.startswith(soc_trang.path) and khom[0].depth == soc_trang.depth + 1
    assert Organization.objects.filter(
        unit=khom[0], kind__code="ban_cong_tac_mat_tran", parent=front
    ).exists()
    assert (
        Unit.objects.filter(parent=mini_territory.new_communes["cao_bang"][0], kind="to_dan_pho").count() == 3
    )
    board = Organization.objects.get(kind__code="ban_tuyen_giao_dan_van", unit__code="79")
    assert board.name == "Ban Tuyên giáo và Dân vận Thành ủy Thành phố Hồ Chí Minh"


def test_the_articles_people_hold_their_posts_of_the_time(mini_territory):
    demo_load()
    minh = Person.objects.get(full_name="Vũ Văn Minh")
    held = positions_on(Position.objects.filter(person=minh), dt.date(2021, 7, 22))
    assert sorted(p.title for p in held) == [
        "Chủ tịch Ủy ban MTTQ Việt Nam thành phố",
        "Trưởng Ban Dân vận Thành ủy",
        "Ủy viên Ban Thường vụ Thành ủy",
    ]
    assert all(p.start_date is None and p.end_date == LEGACY_END for p in held)
    assert minh.home_unit == mini_territory.districts["cao_bang"]
    lien = Position.objects.get(person__full_name="Nguyễn Thị Liêm")
    assert (lien.title, lien.organization.name, lien.organization.unit.level) == (
        "Phó Trưởng Ban Dân vận Tỉnh ủy",
        "Ban Dân vận Tỉnh ủy An Giang",
        Level.PROVINCE,
    )
    long_dien = Organization.objects.get(name="Ban Dân vận Huyện ủy Long Điền")
    assert long_dien.unit == mini_territory.districts["long_dien"] and long_dien.valid_to == LEGACY_END
    assert Person.objects.count() == 7 and Position.objects.count() == 11


def test_one_login_per_role(mini_territory):
    demo_load()
    roles = dict(Grant.objects.values_list("user__username", "role"))
    assert roles == {
        "quantri": Role.SYSTEM_ADMIN,
        "quantri_cantho": Role.UNIT_ADMIN,
        "lanhdao_cantho": Role.APPROVER,
        "nhaplieu_soctrang": Role.REPORTER,
        "nhaplieu_phuloi": Role.REPORTER,
        "xem_caobang": Role.VIEWER,
    }
    assert all(user.check_password(PASSWORD) for user in User.objects.all())
    out = StringIO()
    call_command("demo_banner", "--port", "8001", stdout=out)
    banner = out.getvalue()
    assert "http://127.0.0.1:8001/" in banner and PASSWORD in banner
    assert "nhaplieu_phuloi" in banner and "Phường Phú Lợi" in banner and "Quản trị hệ thống" in banner


def test_demo_logins_see_their_subtree(mini_territory, client_for):
    demo_load()
    chi = Person.objects.get(full_name="Nguyễn Thị Huệ Chi")
    viewer = client_for(User.objects.get(username="xem_caobang"))
    assert "Phó Chủ tịch Ủy ban nhân dân thành phố" in viewer.get(f"/to-chuc/can-bo/{chi.pk}/").text
    reporter = client_for(User.objects.get(username="nhaplieu_soctrang"))
    assert reporter.get(f"/to-chuc/can-bo/{chi.pk}/").status_code == 404
