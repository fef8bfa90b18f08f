"""The case: its state machine, timeline, deadlines and the services that change it."""
