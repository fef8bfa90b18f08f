"""Who may see what: the permission policy, sealing of identities and WBS content."""
