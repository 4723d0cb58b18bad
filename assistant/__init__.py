"""Settings, question handling, retrieval, answers and the command line."""
