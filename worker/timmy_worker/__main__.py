"""`python -m timmy_worker serve|fetch|locate`: run the worker, fetch a model (the only command that goes
online), or say where a model is found."""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path


def serve(args) -> None:
    # The worker reads models from this machine only; a hub is never asked at run time.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("DIFFUSERS_VERBOSITY", "error")
    import uvicorn

    from .device import choose
    from .models import ModelStore
    from .server import Worker, build_app

    token = os.environ.get("TIMMY_WORKER_TOKEN") or None
    if not ipaddress.ip_address(socket.gethostbyname(args.host)).is_loopback and not token:
        sys.exit("timmy_worker: listening beyond loopback needs a token (TIMMY_WORKER_TOKEN)")
    device = choose(args.device)
    budget = int(args.memory_budget_gb * (1 << 30)) if args.memory_budget_gb else None
    results = Path(args.results or tempfile.mkdtemp(prefix="timmy-worker-"))
    results.mkdir(parents=True, exist_ok=True)
    worker = Worker(device, ModelStore(device, budget), results, token)

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit this: without it each small event or response head waits ~40 ms for a delayed ACK.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((args.host, args.port))
    port = sock.getsockname()[1]
    config = uvicorn.Config(build_app(worker), log_level="warning", access_log=False, timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    if args.parent_pid:
        threading.Thread(target=_exit_with_parent, args=(args.parent_pid, server), daemon=True).start()
    print(json.dumps({"listening": f"http://{args.host}:{port}", "pid": os.getpid(), "device": device.label}), flush=True)
    server.run(sockets=[sock])


def _exit_with_parent(parent: int, server) -> None:
    """A worker Timmy started ends when Timmy does, however Timmy ended."""
    while os.getppid() == parent:
        time.sleep(0.5)
    server.should_exit = True
    time.sleep(3)
    os._exit(0)


def fetch(args) -> None:
    from huggingface_hub import snapshot_download

    from .models import hub_cache

    try:
        path = snapshot_download(repo_id=args.model, cache_dir=hub_cache())
    except Exception as error:  # offline, unknown repository, refused: each says why
        reason = str(error).splitlines()[0] if str(error) else ""
        sys.exit(f"could not fetch {args.model}: {type(error).__name__}: {reason}. If this machine is offline, run "
                 f"`timmy models fetch {args.model}` on a connected one and copy its Hugging Face cache to {hub_cache()}")
    print(path)


def locate(args) -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    from .models import MissingModel, locate as find, size_on_disk

    report = {}
    for reference in args.models:
        try:
            folder = find(reference)
            report[reference] = {"present": True, "path": str(folder), "bytes": size_on_disk(folder)}
        except MissingModel as missing:
            report[reference] = {"present": False, "searched": missing.searched, "fetch": missing.fetch_command, "error": str(missing)}
    print(json.dumps(report))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m timmy_worker")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the worker protocol")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=0, help="0 takes a free port, printed on the first line")
    run.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    run.add_argument("--memory-budget-gb", type=float, default=None, help="default: 80%% of the free GPU memory or RAM")
    run.add_argument("--results", help="where result files are written (default: a new temporary folder)")
    run.add_argument("--parent-pid", type=int, help="exit when this process is gone")
    run.set_defaults(handler=serve)
    get = commands.add_parser("fetch", help="download a model into the Hugging Face cache (goes online)")
    get.add_argument("model")
    get.set_defaults(handler=fetch)
    where = commands.add_parser("locate", help="say where models are found on this machine, as JSON")
    where.add_argument("models", nargs="+")
    where.set_defaults(handler=locate)
    args = parser.parse_args(argv)
    args.handler(args)


if __name__ == "__main__":
    main()
