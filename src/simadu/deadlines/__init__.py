"""Deadlines that hold: the working-day calendar, the SLA policy, a clock per stage, and escalation."""
