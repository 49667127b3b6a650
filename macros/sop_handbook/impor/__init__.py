"""Importing an agency's existing SOP documents (Word, Excel, PDF, exported text) as sources.

Readers turn each file into raw forms (``mentah``); ``normalisasi`` turns
those into the project's sources and a report of what was read, guessed and
missing.
"""
