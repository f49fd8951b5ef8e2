"""Telephone: a FastAGI server that lets Asterisk answer calls with the FAQ dialogue."""
