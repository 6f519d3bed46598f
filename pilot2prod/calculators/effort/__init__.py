"""The production-effort estimator: model, reader inputs, simulation and view."""
