"""The readiness assessment: answers, rubric, scoring, team merge, views and reports."""
