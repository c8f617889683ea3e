"""Benchmarks (`python -m bench.run`, `make bench`) and the locust load test (`bench/loadtest.sh`).

Every benchmark names a baseline measured in the same run, so a figure reads as "x times the
raw SQL doing the same" rather than as milliseconds on some machine. Not part of `make test`;
danvan/generator/tests/test_bench.py runs each benchmark once on demo data so they cannot rot.
"""
