"""Measuring tools for the team, not part of the product: the search benchmark and the relevance set.

Tools may import any app; no product app imports tools, so the product ships and runs without them.
"""
