"""Live updates across processes: a Channels layer with one Redis subscription per
process that hands each group message to that process's sockets (issue #11).

``layer.FanoutChannelLayer`` is the layer (``CHANNEL_LAYER=fanout``); ``hub`` holds one
event loop's channels, groups and Redis connections; ``resp`` is the small Redis
subscriber connection it listens on.
"""
