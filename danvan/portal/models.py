"""The public portal: news posts in categories with an editorial flow, tags, readers' comments.

A post belongs to the unit that publishes it (usually a province's Ban Tuyên giáo và Dân vận);
its editors are the users holding a grant on that unit (reporter drafts, approver publishes).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Category(models.Model):
    """A news category (chuyên mục), e.g. «Công tác dân vận – Mặt trận»."""

    name = models.CharField("tên chuyên mục", max_length=120, unique=True)
    slug = models.SlugField("đường dẫn", max_length=120, unique=True)
    description = models.CharField("mô tả", max_length=300, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=100)

    class Meta:
        verbose_name = "chuyên mục"
        verbose_name_plural = "chuyên mục"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    name = models.CharField("thẻ", max_length=60)
    slug = models.SlugField("đường dẫn", max_length=80, unique=True)

    class Meta:
        verbose_name = "thẻ"
        verbose_name_plural = "thẻ"
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class PostStatus(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    REVIEW = "review", "Chờ duyệt"
    PUBLISHED = "published", "Đã đăng"


class Post(models.Model):
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="news_posts", verbose_name="đơn vị đăng"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="posts", verbose_name="chuyên mục"
    )
    title = models.CharField("tiêu đề", max_length=250)
    slug = models.SlugField("đường dẫn", max_length=120, unique=True, editable=False)
    summary = models.CharField("tóm tắt", max_length=500, blank=True)
    body = models.TextField("nội dung")
    author_line = models.CharField("tác giả, nguồn", max_length=200, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts", verbose_name="thẻ")
    cover = models.FileField("ảnh bìa", upload_to="portal/covers/", blank=True)
    cover_type = models.CharField(max_length=40, blank=True, editable=False)
    cover_alt = models.CharField("mô tả ảnh bìa", max_length=200, blank=True)
    status = models.CharField(
        "trạng thái", max_length=12, choices=PostStatus.choices, default=PostStatus.DRAFT, db_index=True
    )
    # fold(title, summary, body, tags): accent-insensitive search on SQLite and PostgreSQL alike.
    search_folded = models.TextField(blank=True, editable=False)
    view_count = models.PositiveIntegerField("lượt xem", default=0, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người viết"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="người biên tập",
    )
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="người duyệt đăng",
    )
    published_at = models.DateTimeField("ngày đăng", null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "tin bài"
        verbose_name_plural = "tin bài"
        indexes = [models.Index(fields=["status", "category", "-published_at"], name="portal_post_listing")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False, published_by__isnull=False),
                name="portal_published_post_has_publisher",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == PostStatus.PUBLISHED


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    REJECTED = "rejected", "Không duyệt"


class Comment(models.Model):
    """A reader's comment: held until an approver of the post's unit approves it.

    Only a display name is asked (no e-mail, no address stored): the least personal data."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField("họ tên", max_length=80)
    body = models.TextField("ý kiến")
    status = models.CharField(
        "trạng thái",
        max_length=10,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "ý kiến bạn đọc"
        verbose_name_plural = "ý kiến bạn đọc"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.body[:40]}"
