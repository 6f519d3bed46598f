"""The readiness assessment's presentation: the worded views the pages and the command line show,
the chart, and the reports and exports (Markdown, text, CSV, JSON, issue bodies).

It reads the domain (`pilot2prod.readiness`); nothing in the domain reads it.
"""
