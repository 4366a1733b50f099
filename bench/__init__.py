"""Benchmark harness: synthetic content of any size and `python -m bench` (make bench)."""
