"""moto's S3 server that keeps its objects across a stop and a start, as a real object store does.

moto holds everything in memory, so a stopped moto would come back empty and every file stored
before an outage would look lost. This runs the same server (moto.server.ThreadedMotoServer) and,
on SIGTERM, writes the buckets' objects to a file that the next start loads before it answers.

Usage: python durable_moto.py HOST PORT STATE_FILE
"""

import pickle
import signal
import sys
import threading
from pathlib import Path

from moto.core import DEFAULT_ACCOUNT_ID
from moto.s3.models import s3_backends
from moto.server import ThreadedMotoServer

REGION = "us-east-1"


def backend():
    return s3_backends[DEFAULT_ACCOUNT_ID]["aws"]


def saved_objects() -> dict[str, dict[str, tuple[bytes, dict]]]:
    """{bucket: {key: (content, metadata)}} of every current object."""
    state = {}
    for name, bucket in backend().buckets.items():
        state[name] = {key.name: (key.value, dict(key.metadata)) for key in bucket.keys.values() if key}
    return state


def load_objects(state: dict[str, dict[str, tuple[bytes, dict]]]) -> None:
    for name, objects in state.items():
        backend().create_bucket(name, REGION)
        for key_name, (content, metadata) in objects.items():
            backend().put_object(name, key_name, content).set_metadata(metadata)


def main(host: str, port: int, state_file: Path) -> None:
    if state_file.exists():
        load_objects(pickle.loads(state_file.read_bytes()))  # noqa: S301  (a file this script wrote)
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    server = ThreadedMotoServer(ip_address=host, port=port, verbose=False)
    server.start()
    stopping.wait()
    server.stop()
    state_file.write_bytes(pickle.dumps(saved_objects()))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))
