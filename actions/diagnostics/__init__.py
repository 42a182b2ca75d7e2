"""Pure diagnostic rules: no Rasa imports, unit-tested on their own."""
