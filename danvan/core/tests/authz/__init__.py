"""The authorization matrix: every page and API operation, every persona, the expected answer.

`spec.py` says how an entry is written, `world.py` builds the objects the routes are filled
with, `runner.py` collects the routes, sends the requests and compares. Each app keeps its own
table in `danvan/<app>/tests/access_matrix.py`.
"""
