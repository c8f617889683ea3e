import datetime as dt

from danvan.orgs import selectors
from danvan.orgs.models import Organization, Person, Position
from danvan.territory.models import LEGACY_END

D = dt.date


def test_positions_on_a_date_include_open_ends(people, tree):
    positions = Position.objects.all()
    held = {(p.person.full_name, p.title) for p in selectors.positions_on(positions, D(2024, 5, 1))}
    assert held == {("Nguyễn Thị Huệ Chi", "Phó Bí thư"), ("Nguyễn Thị Liêm", "Phó Chủ tịch")}
    on_last_day = {p.title for p in selectors.positions_on(positions, LEGACY_END)}
    assert "Phó Bí thư" in on_last_day and "Trưởng ban" not in on_last_day
    on_first_day = {p.title for p in selectors.positions_on(positions, D(2025, 7, 1))}
    assert {"Trưởng ban", "Chủ tịch"} <= on_first_day and "Phó Bí thư" not in on_first_day


def test_a_unit_subtree_includes_the_units_merged_into_it(people, tree):
    in_province = selectors.positions_in_units(Position.objects.all(), tree.province)
    assert {p.person.full_name for p in selectors.positions_on(in_province, D(2021, 7, 22))} == {
        "Nguyễn Thị Huệ Chi"
    }
    in_ward_b = selectors.positions_in_units(Position.objects.all(), tree.commune_b)
    assert not in_ward_b.exists()
    assert set(selectors.history_paths(tree.province)) == {tree.province.path, tree.legacy_province.path}


def test_filter_by_unit_kind_text_and_status(orgs, tree):
    def names(**kw):
        f = selectors.OrganizationFilter(**kw)
        return [o.name for o in selectors.filter_organizations(Organization.objects.all(), f)]

    assert names(unit=tree.commune_a, kind="hoi_phu_nu") == ["Hội Liên hiệp Phụ nữ phường Sóc Trăng"]
    assert names(q="hoi lien hiep") == names(q="HỘI LIÊN HIỆP") == ["Hội Liên hiệp Phụ nữ phường Sóc Trăng"]
    assert "Đảng ủy Phường 2" not in names(unit=tree.province)
    assert names(unit=tree.province, status=selectors.Status.CLOSED) == ["Đảng ủy Phường 2"]
    everything = names(unit=tree.province, status=selectors.Status.ALL)
    assert everything[0] == "Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ"
    assert "Ủy ban MTTQ Việt Nam phường Thục Phán" not in everything


def test_person_timeline_is_in_time_order(people):
    timeline = selectors.person_timeline(people.minh, Position.objects.all())
    assert [p.title for p in timeline] == ["Trưởng ban", "Chủ tịch"]
    chi = selectors.person_timeline(people.chi, Position.objects.all())
    assert [p.end_date for p in chi] == [LEGACY_END]


def test_people_search_is_accent_insensitive_and_sorted_in_vietnamese(people, tree):
    def names(**kw):
        rows = selectors.filter_people(
            Person.objects.all(), selectors.PeopleFilter(**kw), Position.objects.all()
        )
        return [p.full_name for p in rows]

    assert names(q="nguyen thi") == ["Nguyễn Thị Huệ Chi", "Nguyễn Thị Liêm"]
    assert names(q="liem") == ["Nguyễn Thị Liêm"]
    assert names(unit=tree.other_province) == ["Nguyễn Thị Liêm"]
    assert names() == ["Nguyễn Thị Huệ Chi", "Nguyễn Thị Liêm", "Vũ Văn Minh"]
