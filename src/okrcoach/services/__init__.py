"""The service layer: plain functions over the store that screens and commands call.

Screens hold no business rules: anything they decide that a test would want
to check lives here (or in domain/ and coach/). No Textual imports.
"""
