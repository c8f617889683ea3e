"""The four fields used almost everywhere and a typical recognition criteria list (domain.md §3).
Provinces add their own lists per year in the admin."""

from django.db import migrations

FIELDS = [
    ("kinh-te", "Kinh tế", 10),
    ("van-hoa-xa-hoi", "Văn hóa – xã hội", 20),
    ("quoc-phong-an-ninh", "Quốc phòng – an ninh", 30),
    ("xay-dung-he-thong-chinh-tri", "Xây dựng hệ thống chính trị", 40),
]
CRITERIA = [
    ("Có tên gọi, địa chỉ rõ ràng, thuộc một lĩnh vực cụ thể", 1),
    ("Do cấp ủy lãnh đạo, chính quyền chỉ đạo và đã đăng ký thực hiện", 1),
    ("Huy động được nhiều lực lượng cùng tham gia", 1),
    ("Có hiệu quả thiết thực, có sức lan tỏa", 2),
    ("Được Nhân dân đồng tình, ủng hộ và tham gia", 2),
    ("Giải quyết vấn đề bức xúc, cấp thiết ở địa phương", 2),
    ("Có khả năng duy trì bền vững và nhân rộng", 1),
]


def seed(apps, schema_editor):
    PracticeField = apps.get_model("practices", "PracticeField")
    CriteriaSet = apps.get_model("practices", "CriteriaSet")
    Criterion = apps.get_model("practices", "Criterion")
    for code, name, order in FIELDS:
        PracticeField.objects.get_or_create(code=code, province=None, year=None,
                                            defaults={"name": name, "order": order})
    criteria_set, created = CriteriaSet.objects.get_or_create(
        name="Tiêu chí công nhận mô hình, điển hình “Dân vận khéo” (mẫu chung)", province=None, year=None)
    if created:
        for order, (text, weight) in enumerate(CRITERIA, start=1):
            Criterion.objects.create(criteria_set=criteria_set, text=text, weight=weight, order=order * 10)


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
