"""Everything a person reads, as words and HTML: labels for the content's codes, the deadline phrase, the
record page and the printed sheet. Pure Python (no Qt); every function takes the language it writes in, so
the same words serve the interface language on screen and the client's language on paper.
"""
