"""Rasa custom actions: thin adapters over the b12assist core."""
