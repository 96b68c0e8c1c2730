"""Benchmarks for `make bench`: numbers and ratios, printed, never asserted."""
