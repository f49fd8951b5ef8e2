"""jichitai-ai: safe AI for Japanese local governments (自治体)."""

__version__ = "0.1.0"
