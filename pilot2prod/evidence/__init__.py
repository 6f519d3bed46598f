"""Evaluation results read from the files teams already have, weighed honestly, and kept as
evidence records the readiness assessment takes in."""
