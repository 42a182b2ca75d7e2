"""Conversation stores for running several Rasa replicas on shared databases."""
