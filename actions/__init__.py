"""Custom actions of the Writeback Assistant (rasa_sdk), one module per feature.

Pure rules live in `actions.diagnostics`; the modules here are the Rasa glue.
"""
