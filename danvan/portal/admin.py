"""Categories and tags are kept in the admin; posts and comments go through the «Tin tức» pages."""

from django.contrib import admin

from danvan.portal.models import Category, Tag


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    list_display = ("name", "slug", "order")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
