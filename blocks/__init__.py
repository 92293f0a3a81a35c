"""The StreamField block library: generic content blocks that know nothing of the domain.

``blocks.streams`` holds the block lists that page types combine; every block has a
template, an icon, German labels and a preview value.
"""
