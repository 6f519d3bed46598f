"""The `_headers` file for static hosts: the strict policy, widened only for a Pyodide mirror."""

from __future__ import annotations

from sitebuild.headers import POLICY, headers_text, policy


def test_self_hosted_pyodide_keeps_the_strict_policy():
    """With Pyodide copied into the site, nothing beyond 'self' is allowed."""
    assert policy(None) == POLICY
    assert policy("assets/pyodide/") == POLICY


def test_a_pyodide_mirror_is_allowed_for_scripts_and_fetches_only():
    """The mirror's origin joins script-src and connect-src, nothing else."""
    found = policy("https://mirror.example.org/pyodide/314.0.7/")
    assert "script-src 'self' https://mirror.example.org 'wasm-unsafe-eval';" in found
    assert "connect-src 'self' https://mirror.example.org;" in found
    assert "worker-src 'self';" in found and "img-src 'self' data:" in found


def test_headers_file_sets_the_wasm_type():
    """Browsers compile wasm while it downloads only when it is served as application/wasm."""
    assert "/*.wasm\n  Content-Type: application/wasm\n" in headers_text()
