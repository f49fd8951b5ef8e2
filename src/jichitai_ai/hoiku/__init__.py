"""hoiku."""
