"""Bot Framework pieces the Teams channel needs, kept apart from Rasa glue."""
