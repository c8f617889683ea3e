"""Every write of the petitions app: `<entity>_<verb>(*, ...)`, atomic, validated, audited."""
