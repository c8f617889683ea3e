"""Writes of the Dân vận khéo registry, one module per part of the lifecycle."""
