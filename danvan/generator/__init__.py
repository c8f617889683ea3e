"""Synthetic national-scale data for benchmarks and load tests (`manage.py generate`).

On top of the real territory (`manage.py load_territory`), one module per domain adds data of
the shape the application expects, deterministically for a seed:

- `territory`: neighbourhoods (thôn, ấp, bản, buôn, tổ dân phố, khóm, khu phố, xóm) named by region;
- `orgs`: organizations of every province, commune and neighbourhood, people and their positions,
  the former communes' bodies and heads before 1/7/2025, the commune's records keeper;
- `accounts`: users and their grants;
- `practices`: Dân vận khéo models and exemplars (about 18 per commune and year, ~300,000 over
  five years at national scale), statuses by age, replications, late registrations. All years
  are registered on today's units (the former communes get none).

Still to come, as their domains are built: `reporting` (periodic reports over `--years`),
`meetings`, `petitions`, `campaigns`, `membership`, `documents`. A new module exposes
`generate(ctx)` and is appended to `services.DOMAINS`; `generate --only DOMAIN` adds one
domain to an existing generation. Writes go through `writer.Writer` (COPY on PostgreSQL, one
prepared INSERT with executemany on SQLite).
"""
