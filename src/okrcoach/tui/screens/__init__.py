"""One screen a module; each owns its flow and asks the service layer for data."""
