"""Voice: Japanese speech synthesis (Open JTalk), pluggable speech recognition, spoken answers."""
