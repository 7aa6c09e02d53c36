"""The pure core: knowledge base, text normalisation, matching, replies. Never imports telegram."""
