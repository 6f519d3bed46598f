"""Temporary smoke check of the browser fixtures (replaced by the page tests)."""

from tests.browser.support import serious_axe_violations, watch_errors


def test_home_opens(page, site_url):
    """The home page opens with no console error."""
    errors = watch_errors(page)
    page.goto(site_url)
    assert page.title()
    assert not errors.messages
    assert serious_axe_violations(page) == []
