"""The one way side effects leave SIMADU: mail, SMS, webhooks and sync, after commit, with retries."""
