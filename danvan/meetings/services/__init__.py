"""Every write of the meetings app: `<entity>_<verb>(*, ...)`, atomic, validated, audited."""
