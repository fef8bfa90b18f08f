"""What a reporter sees with a tracking id and secret, and what they may do there."""
