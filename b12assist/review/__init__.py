"""Staff review queue: misunderstood patient messages, grouped, labelled and exported as training data."""
