"""The Telegram layer: one factory builds the Application; handlers translate updates."""
