"""The default news categories (editable in the admin). Seeded by a data migration."""

from typing import Any

DEFAULT_CATEGORIES = [
    (
        "cong-tac-dan-van-mat-tran",
        "Công tác dân vận – Mặt trận",
        "Hoạt động của khối dân vận và Mặt trận",
        10,
    ),
    ("dan-van-kheo", "Dân vận khéo", "Phong trào thi đua «Dân vận khéo»", 20),
    ("chinh-tri-xa-hoi", "Chính trị – Xã hội", "Tin chính trị – xã hội ở địa phương", 30),
    ("thong-bao", "Thông báo", "Thông báo, lịch làm việc", 40),
]


def seed_categories(category_model: Any) -> None:
    for slug, name, description, order in DEFAULT_CATEGORIES:
        category_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
