"""Text helpers every stage shares: URLs, outlet names, word stems and matching, line
indexes, vocabularies and cached patterns.

Takes strings; gives keys, matches and positions. Never imports a stage.
"""
