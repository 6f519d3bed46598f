"""The calculators: the production-effort estimator and the run-cost calculator."""
