"""A private ClamAV ``clamd`` for the upload tests: its own config in a temp dir, a unix
socket, and a signature database made by the test from the EICAR test file (no
signatures can be downloaded here). Skipped when ``clamd`` is not installed – unless
services are required (CI, ``REDI_REQUIRE_SERVICES=1``), then the tests fail.

Fixtures (imported by ``tests/conftest.py``):

- ``clamd_server`` (session): the running server; ``.url``, ``.stop()``, ``.start()``;
- ``clamav``: ``CLAMAV_URL`` points at it, started if a test stopped it;
- ``clamav_stopped``: ``CLAMAV_URL`` is set but clamd is stopped (fail closed).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.utils import need

# assembled at run time, so that this file itself is no "virus" for a scanner on a laptop
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!" + b"$H+H*"
CONFIG = """\
LocalSocket {socket}
DatabaseDirectory {directory}
Foreground yes
LogFile {directory}/clamd.log
LogTime yes
StreamMaxLength 100M
MaxFileSize 100M
MaxScanSize 200M
"""


class ClamdServer:
    def __init__(self, directory: Path):
        self.directory = directory
        self.socket = directory / "clamd.sock"
        self.url = f"unix://{self.socket}"
        self.config = directory / "clamd.conf"
        self.process: subprocess.Popen | None = None

    def write_database(self) -> None:
        sample = self.directory / "eicar.com"
        sample.write_bytes(EICAR)
        # the MD5 signature of the whole file, as sigtool makes it …
        md5 = subprocess.run(
            [shutil.which("sigtool") or "sigtool", "--md5", str(sample)],
            capture_output=True,
            check=True,
            text=True,
        ).stdout.strip()
        (self.directory / "local.hdb").write_text(md5 + "\n")
        # … and a body signature, so that EICAR is also found inside other files
        (self.directory / "local.ndb").write_text(f"Redi.Test.EICAR:0:*:{EICAR.hex()}\n")
        sample.unlink()
        self.config.write_text(CONFIG.format(socket=self.socket, directory=self.directory))

    def start(self, timeout: float = 60) -> None:
        from portal.core.uploads import ping

        if self.process is not None and self.process.poll() is None:
            return
        self.socket.unlink(missing_ok=True)
        self.process = subprocess.Popen(
            ["clamd", "-c", str(self.config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode(errors="replace")
                pytest.fail(f"clamd ended at start: {error[-2000:]}")
            if ping(self.url):
                return
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"clamd did not answer PING within {timeout} s")

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


@pytest.fixture(scope="session")
def clamd_server(tmp_path_factory):
    need(
        shutil.which("clamd") is not None and shutil.which("sigtool") is not None,
        "ClamAV (clamd, sigtool) is not installed: apt-get install clamav-daemon clamav",
    )
    server = ClamdServer(tmp_path_factory.mktemp("clamd"))
    server.write_database()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def clamav(clamd_server, settings):
    clamd_server.start()
    settings.CLAMAV_URL = clamd_server.url
    return clamd_server


@pytest.fixture
def clamav_stopped(clamd_server, settings):
    clamd_server.stop()
    settings.CLAMAV_URL = clamd_server.url
    return clamd_server


def eicar_in_zip() -> bytes:
    """A ZIP with the EICAR file inside (clamd looks into archives)."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "harmlos")
        archive.writestr("eicar.com", EICAR)
    return buffer.getvalue()
