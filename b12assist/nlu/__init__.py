"""Pure NLU helpers (no Rasa): several questions in one message."""
