"""FastAPI application: JSON API (and later chat, bots, web page)."""
