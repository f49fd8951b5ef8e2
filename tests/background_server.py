"""A test's stand-in server (LINE, an LLM, Asterisk …) served from a daemon thread."""

from __future__ import annotations

import socketserver
import threading

#: How often ``serve_forever`` looks for ``shutdown()``: the standard 0.5 s made every stop
#: wait ~0.25 s on average, for the hundreds of stand-ins a test run starts.
POLL_SECONDS = 0.02


def serve_in_background(server: socketserver.BaseServer) -> threading.Thread:
    """Start ``server.serve_forever`` in a daemon thread; stop it with ``server.shutdown()``."""
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": POLL_SECONDS}, daemon=True
    )
    thread.start()
    return thread
