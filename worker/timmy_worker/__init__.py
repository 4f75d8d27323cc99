"""Timmy's model worker: the image, music and video models, loaded lazily and served on loopback.

The protocol is in docs/worker-protocol.md; `python -m timmy_worker serve` starts it.
"""

__version__ = "0.1.0"
