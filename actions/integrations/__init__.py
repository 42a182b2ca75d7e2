"""Clients for systems outside the assistant, each with an offline mode."""
