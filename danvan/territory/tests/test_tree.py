from io import StringIO

import pytest
from django.core.management import call_command

from danvan.territory.models import Unit
from danvan.territory.tree import split_kind_prefix, unit_sort_key


def test_rebuild_unit_paths_heals_a_corrupted_path(tree):
    good = {u.pk: (u.path, u.depth) for u in Unit.objects.all()}
    Unit.objects.filter(pk=tree.commune_a.pk).update(path="0000000000000000", depth=3)
    Unit.objects.filter(pk=tree.legacy_commune.pk).update(path=f"{tree.legacy_commune.pk:08d}", depth=0)
    out = StringIO()
    call_command("rebuild_unit_paths", stdout=out)
    assert "Đã sửa 2 đơn vị" in out.getvalue()
    assert {u.pk: (u.path, u.depth) for u in Unit.objects.all()} == good
    call_command("rebuild_unit_paths", stdout=out)
    assert "Đã sửa 0 đơn vị" in out.getvalue()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Thành phố Cần Thơ", ("Thành phố", "Cần Thơ")),
        ("Tổ dân phố 3", ("Tổ dân phố", "3")),
        ("Thị trấn Cái Dầu", ("Thị trấn", "Cái Dầu")),
        ("Phường 2", ("Phường", "2")),
        ("Xã", ("", "Xã")),
        ("Buôn Đôn", ("Buôn", "Đôn")),
    ],
)
def test_split_kind_prefix(name, expected):
    assert split_kind_prefix(name) == expected


def test_sort_key_orders_by_proper_name_vietnamese_alphabet_and_numbers():
    names = [
        "Tổ dân phố 10",
        "Thành phố Cần Thơ",
        "Tỉnh Cao Bằng",
        "Tỉnh An Giang",
        "Tỉnh Cà Mau",
        "Tổ dân phố 2",
        "Thành phố Đà Nẵng",
        "Tỉnh Điện Biên",
        "Tỉnh Đắk Lắk",
    ]
    assert sorted(names, key=unit_sort_key) == [
        "Tỉnh An Giang",
        "Tỉnh Cà Mau",
        "Tỉnh Cao Bằng",
        "Thành phố Cần Thơ",
        "Thành phố Đà Nẵng",
        "Tỉnh Đắk Lắk",
        "Tỉnh Điện Biên",
        "Tổ dân phố 2",
        "Tổ dân phố 10",
    ]
