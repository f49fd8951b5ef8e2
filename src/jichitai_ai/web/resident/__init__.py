"""Resident side: the public chat page per tenant, its embed mode and the widget loader."""
