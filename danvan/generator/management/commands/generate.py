"""`manage.py generate --scale demo|province|national --seed N --years Y`: synthetic data for benchmarks."""

import resource
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.generator.plan import DEFAULT_PROVINCE, Scale
from danvan.generator.services import (
    DEFAULT_PASSWORD,
    DOMAINS,
    GenerationRefused,
    dataset_extend,
    dataset_generate,
)


class Command(BaseCommand):
    help = (
        "Sinh dữ liệu tổng hợp (thôn, tổ dân phố; tổ chức, cán bộ, chức vụ; người dùng và phân quyền) "
        "trên địa bàn thật đã nạp, để đo hiệu năng. Chạy lại cùng tham số thì không ghi gì thêm."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=[s.value for s in Scale], default=Scale.DEMO.value)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--years", type=int, default=5, help="số năm lịch sử (chức vụ của xã cũ trước 1/7/2025)"
        )
        parser.add_argument(
            "--province", default=DEFAULT_PROVINCE, help="mã tỉnh cho quy mô demo và province"
        )
        parser.add_argument(
            "--password", default=DEFAULT_PASSWORD, help="mật khẩu chung của người dùng sinh ra"
        )
        parser.add_argument(
            "--only",
            nargs="+",
            choices=[name for name, _generate in DOMAINS],
            help="chỉ chạy các phần này, bổ sung cho lần sinh đã có cùng tham số (vd. --only practices)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 0 <= options["years"] <= 30:
            raise CommandError("--years phải từ 0 đến 30.")

        def progress(domain: str, seconds: float) -> None:
            # ru_maxrss: the peak resident memory of the process so far, in KiB on Linux
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            self.stdout.write(f"  {domain}: xong sau {seconds:.1f} giây (bộ nhớ đỉnh đến lúc này {peak} MB)")

        try:
            if options["only"]:
                result = dataset_extend(
                    only=options["only"],
                    scale=Scale(options["scale"]),
                    seed=options["seed"],
                    years=options["years"],
                    province_code=options["province"],
                    progress=progress,
                )
            else:
                result = dataset_generate(
                    scale=Scale(options["scale"]),
                    seed=options["seed"],
                    years=options["years"],
                    province_code=options["province"],
                    password=options["password"],
                    progress=progress,
                )
        except GenerationRefused as exc:
            raise CommandError(str(exc)) from exc
        run = result.run
        if not result.created:
            self.stdout.write(
                f"Đã có dữ liệu sinh {run} từ {run.created_at:%d/%m/%Y %H:%M}; không ghi gì thêm."
            )
            return
        for table, count in run.rows.items():
            self.stdout.write(f"  {table}: {count:,}".replace(",", "."))
        if result.skipped_communes:
            self.stdout.write(f"  bỏ qua {result.skipped_communes} xã đã có dữ liệu")
        self.stdout.write(self.style.SUCCESS(f"Đã sinh {run} trong {run.seconds:.1f} giây."))
