"""`ntm serve --workers N`: N uvicorn worker processes, each with its own listening socket (SO_REUSEPORT).

With uvicorn's own supervisor every worker accepts from one shared socket, and the first to wake takes
every connection waiting: 8 keep-alive clients that connect at once can all land on one worker while
the other core idles. With one socket per worker bound to the same port with SO_REUSEPORT, the kernel
spreads new connections over the workers by a hash of the connection.

The supervisor restarts a worker that dies (as uvicorn's does) and stops them all on SIGTERM or
SIGINT. It does not import the app: each worker does, from its import string, after it starts.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import threading
from typing import Any

log = logging.getLogger("ntm.serve")
CHECK_EVERY = 0.5  # seconds between checks that every worker is alive


def reuse_port_available() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def _listen(host: str, port: int, backlog: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def _worker(options: dict[str, Any]) -> None:
    """One worker process: its own socket on the shared port, then uvicorn serving the app."""
    import uvicorn

    config = uvicorn.Config(**options)
    config.configure_logging()
    sock = _listen(config.host, config.port, config.backlog)
    uvicorn.Server(config).run(sockets=[sock])


def serve(options: dict[str, Any], workers: int) -> None:
    """Run `workers` processes of `uvicorn.Config(**options)` until SIGTERM or SIGINT."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(message)s")
    # The port is checked here first: a port in use is one clear error, not N dying workers.
    _listen(options["host"], options["port"], 1).close()
    context = multiprocessing.get_context("spawn")
    stop = threading.Event()
    processes: list[Any] = []

    def start() -> Any:
        process = context.Process(target=_worker, args=(options,), daemon=False)
        process.start()
        log.info("Started worker process [%s]", process.pid)
        return process

    def on_signal(signum: int, _frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        processes.extend(start() for _ in range(workers))
        log.info("Serving on http://%s:%s with %d workers (one socket each)", options["host"], options["port"], workers)
        while not stop.wait(CHECK_EVERY):
            for i, process in enumerate(processes):
                if not process.is_alive():
                    log.warning(
                        "Worker process [%s] died (exit code %s); starting another", process.pid, process.exitcode
                    )
                    processes[i] = start()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for process in processes:
            if process.is_alive():
                os.kill(process.pid, signal.SIGTERM)  # uvicorn finishes the requests in flight
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                process.join(timeout=5)
        log.info("Stopped")
