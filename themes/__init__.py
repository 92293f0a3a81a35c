"""One theme per town: design tokens, logo and optional template overrides.

Layer 1: knows nothing of the domain. A theme is looked up by its slug.
"""
