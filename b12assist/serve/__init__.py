"""Launch code, the only part of b12assist that imports or patches Rasa: `make run` (runner), the
`rasa` command line with the project's fixes (rasa_cli), endpoints.yml rendering (endpoints) and the
scaled-out topology of `make cluster` (cluster, balancer, redislock). The rest of b12assist stays
importable without Rasa."""
