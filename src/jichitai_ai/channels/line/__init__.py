"""LINE Messaging API channel: signed webhook, Flex answer cards, postbacks, rich menu."""
