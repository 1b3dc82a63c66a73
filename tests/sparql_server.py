"""Start a real Oxigraph SPARQL server (from the `oxigraph` PyPI package) on loopback."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    cand = Path(sys.executable).with_name("oxigraph")
    if cand.exists():
        return str(cand)
    found = shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph server is not installed (pip install oxigraph)")
    return found


class OxigraphServer:
    def __init__(self, location: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("oxigraph server exited: " + self.proc.stderr.read().decode()[-500:])
            try:
                urllib.request.urlopen(self.url + "/query?query=ASK%7B%7D", timeout=2).read()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph server did not start within 30 s")

    def clear(self) -> None:
        req = urllib.request.Request(self.url + "/update", data=b"CLEAR ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
        urllib.request.urlopen(req, timeout=30).read()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
