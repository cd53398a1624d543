"""The Prefect API a command-line run talks to.

Prefect starts its temporary server only when the flow first calls the API, after the pipeline's
imports (seconds), and waits for it doing nothing else. A run starts the same server (the app
Prefect's own temporary server runs, under uvicorn) as its very first step instead, so that it boots
on the other core while Prefect, spaCy and Great Expectations import and the model loads. The
server is tied to this process: it is stopped at exit and dies with it even on `kill -9`
(PR_SET_PDEATHSIG). A Prefect API configured by the user (PREFECT_API_URL in the environment or
the active profile) is used instead, and the temporary server is not started or is stopped at once.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

from flows.preflight import PrefectUnavailable
from flows.settings import Settings
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child, before exec
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TemporaryServer:
    """A Prefect server on a free loopback port for the life of this process."""

    def __init__(self) -> None:
        self.port = free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        self._log = tempfile.TemporaryFile()
        self._started = time.perf_counter()
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
            env=env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
        atexit.register(self.stop)
        self.ready_after: float | None = None
        self.error: str | None = None
        self._watch = threading.Thread(target=self._wait_healthy, name="prefect-server-start", daemon=True)
        self._watch.start()

    def _wait_healthy(self) -> None:
        limit = Settings().prefect_startup_seconds
        deadline = self._started + limit
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                self._log.seek(0)
                last = [line for line in self._log.read().decode("utf-8", "replace").splitlines() if line.strip()]
                self.error = f"the temporary Prefect server exited ({self.process.returncode}): " + (
                    last[-1] if last else "no output")
                return
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        self.ready_after = time.perf_counter() - self._started
                        return
            time.sleep(0.1)
        self.error = f"the temporary Prefect server did not answer within {limit:g} s"

    def wait(self) -> float:
        """Seconds the server took to answer, counted from its start."""
        self._watch.join()
        if self.error:
            raise PrefectUnavailable(f"{self.error}; set PREFECT_API_URL to a running Prefect server instead")
        return self.ready_after

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_early() -> TemporaryServer | None:
    """Start the temporary server at once, unless the environment names an API: then check at
    once that it answers (an API named by the active profile, which needs Prefect imported to
    read, is checked by `api_for_run`)."""
    if url := os.environ.get("PREFECT_API_URL"):
        check_reachable(url)
        return None
    return TemporaryServer()


def check_reachable(api_url: str, timeout: float | None = None) -> None:
    """PrefectUnavailable, within `timeout` (NEWSFACTS_PREFECT_REACH_SECONDS), unless the API
    answers its health check."""
    timeout = timeout or Settings().prefect_reach_seconds
    fix = "start that server, or unset PREFECT_API_URL (environment or Prefect profile) to use a temporary one"
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            if response.status == 200:
                return
            problem = f"its health check answered HTTP {response.status}"
    except TimeoutError:
        problem = f"no answer within {timeout:g} s"
    except urllib.error.HTTPError as exc:
        problem = f"its health check answered HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        problem = getattr(reason, "strerror", None) or str(reason)
        if isinstance(reason, TimeoutError) or "timed out" in problem:
            problem = f"no answer within {timeout:g} s"
    raise PrefectUnavailable(f"cannot reach the Prefect API at {api_url} (PREFECT_API_URL): {problem}; {fix}")


@contextlib.contextmanager
def api_for_run(server: TemporaryServer | None) -> Iterator[str]:
    """Prefect's settings pointing at the API the flow will use, while it runs; yields a line that
    says which API that is."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    configured = get_current_settings().api.url
    if configured or server is None:
        if server is not None:
            server.stop()
        if configured and configured != os.environ.get("PREFECT_API_URL"):  # (that one start_early checked)
            check_reachable(configured)
        yield f"the API at {configured} (PREFECT_API_URL)" if configured else "a temporary server"
        return
    seconds = server.wait()
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield f"temporary server at {server.api_url}, up in {seconds:.1f} s (set PREFECT_API_URL to use your own)"
