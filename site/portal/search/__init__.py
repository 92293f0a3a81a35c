"""Search per town: the town's pages plus the region's, German stemming, promotions.

Other apps add their own kinds of result (services, clubs, events) through
``portal.search.registry``.
"""
