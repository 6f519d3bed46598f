"""The run-cost calculator: model, computation and view."""
