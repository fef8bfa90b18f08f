"""Ground floor: errors, ids, clock, crypto primitives, regions, settings registry."""
