"""`make bench`: our bot against a stock `rasa init` bot under the same load."""
