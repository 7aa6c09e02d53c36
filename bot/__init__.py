"""Opinion Bot (意见问答助手): answers questions about one policy document from its interview."""

__version__ = "0.1.0"
