"""Readers that turn inputs into Paper records (`digests`) and find entities in them
(`entities`)."""
