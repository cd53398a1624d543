"""The temporary Prefect server a command-line run starts for itself."""

import os
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT

PARENT = """
from flows.prefect_api import TemporaryServer
server = TemporaryServer()
print(server.process.pid, flush=True)
print(round(server.wait(), 1), flush=True)
import time; time.sleep(600)
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is not a server
        return stat.read().split(") ")[1][0] != "Z"


def test_the_temporary_server_answers_and_dies_with_a_killed_run():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        server_pid = int(parent.stdout.readline())
        assert float(parent.stdout.readline()) > 0  # it answered /api/health
        assert alive(server_pid)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 20
        while alive(server_pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(server_pid)
    finally:
        parent.kill()
