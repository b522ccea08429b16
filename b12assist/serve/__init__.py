"""Launch code for the scaled-out topology (`make cluster`); `make run` stays in b12assist.runner."""
