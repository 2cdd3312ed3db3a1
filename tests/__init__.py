"""Repo-root test suite: integration tests that talk to a running Odoo over
XML-RPC / JSON-RPC / HTTP like an external client would, plus self-tests of
the CI tooling. Run by scripts/test.sh (standard library unittest only)."""
