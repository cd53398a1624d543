"""Evaluation against the gold in ../shared/eval/ and benchmarks: tools over the pipeline, not part of it."""
