"""The command line described as data, and what is generated from it: completion, man page."""
