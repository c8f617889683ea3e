"""Synthetic national-scale data for benchmarks and load tests (`manage.py generate`).

On top of the real territory (`manage.py load_territory`), one module per domain adds data of
the shape the application expects, deterministically for a seed:

- `territory`: neighbourhoods (thôn, ấp, bản, buôn, tổ dân phố, khóm, khu phố, xóm) named by region;
- `orgs`: organizations of every province, commune and neighbourhood, people and their positions,
  the former communes' bodies and heads before 1/7/2025, the commune's records keeper;
- `accounts`: users and their grants;
- `practices`: Dân vận khéo models and exemplars (about 18 per commune and year, ~300,000 over
  five years at national scale), statuses by age, replications, late registrations;
- `reporting`: the monthly commune report over `--years` (~8.6 million values), late and missing;
- `petitions`: about 300 opinions, complaints and denunciations per commune, on statutory clocks;
- `meetings` (with `hosts`, `dialogues`): giao ban, sơ kết and tổng kết with numbered notices,
  attendees, conclusions and tasks and their course; dialogues with questions and promises;
  citizen reception schedules and sessions;
- `campaigns`: welfare campaigns per province and commune and year, contributions, distributions;
- `membership`: members of the five organizations from a sampled population, eligible counts.

Most years are held on today's units (the former communes get their bodies and heads only).
A new module exposes `generate(ctx)` and is appended to `services.DOMAINS`; what it needs from
the earlier ones it reads from the Context, or through `known.ensure_known` when it runs alone
(`generate --only DOMAIN` adds one domain to an existing generation). Derived tables the apps
keep are rebuilt once at the end, in `services.DERIVED`. Writes go through `writer.Writer` (COPY
on PostgreSQL, one prepared INSERT with executemany on SQLite).
"""
