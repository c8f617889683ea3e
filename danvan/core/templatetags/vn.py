"""Template filters for Vietnamese formats, and record paths; loaded as a builtin in every template."""

from django import template

from danvan.core import formatting, links

register = template.Library()

register.filter("vn_number", formatting.format_number)
register.filter("vn_money", formatting.format_money)
register.filter("vn_percent", formatting.format_percent)
register.filter("vn_date", formatting.format_date)
register.filter("vn_datetime", formatting.format_datetime)

# {% record_path "reporting:detail" s.pk %}: the {% url %} of a record's page, for long lists
register.simple_tag(links.record_path, name="record_path")
