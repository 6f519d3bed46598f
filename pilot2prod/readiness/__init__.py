"""The readiness assessment's domain: answers, rubric, scoring, team merge, plan, milestones,
comparison, portfolio and the words they share (`labels`). Its presentation (worded views,
the chart, reports and exports) is the sub-package `presentation`, which nothing here imports."""
