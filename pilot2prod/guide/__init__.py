"""The guide pages' own figures: layouts drawn as chart data, and the figures built from data/."""
