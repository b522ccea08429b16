"""Rasa custom actions: thin adapters over the b12assist core."""
from . import auth  # noqa: F401  (only the Rasa server may call these actions)
