"""The worker's HTTP protocol (docs/worker-protocol.md) on Starlette: capabilities, one job per call
streamed as Server-Sent Events, cancel, unload, and the result files."""

from __future__ import annotations

import asyncio
import hmac
import json
import os
import shutil
import threading
import uuid
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, StreamingResponse
from starlette.routing import Route

from . import __version__, jobs, models
from .device import CPU_NOTE, Device
from .models import MissingModel, ModelStore


class Worker:
    """What the routes share: the device, the loaded models, the running jobs and where results go."""

    def __init__(self, device: Device, store: ModelStore, results: Path, token: str | None = None):
        self.device = device
        self.store = store
        self.results = results
        self.token = token or None
        self.jobs: dict[str, jobs.Job] = {}
        # One pipeline runs at a time: they share one device, and a second would only slow the first.
        self.run_lock = threading.Lock()

    def capabilities(self, references: list[str]) -> dict:
        total, free = self.device.memory()
        report = {
            "version": __version__, "pid": os.getpid(), "device": self.device.label, "device_kind": self.device.name,
            "dtype": self.device.dtype_name, "cpu_fallback": self.device.is_cpu, "note": CPU_NOTE if self.device.is_cpu else None,
            "memory": {"total": total, "free": free, "budget": self.store.budget, "used": self.store.used},
            "kinds": list(jobs.KINDS), "defaults": jobs.DEFAULTS, "loaded": self.store.loaded(), "models": {},
        }
        for reference in references:
            report["models"][reference] = self._model_report(reference)
        return report

    def _model_report(self, reference: str) -> dict:
        try:
            folder = models.locate(reference)
        except MissingModel as missing:
            return {"present": False, "can_load": False, "searched": missing.searched, "fetch": missing.fetch_command,
                    "error": str(missing)}
        size = models.size_on_disk(folder)
        return {"present": True, "path": str(folder), "bytes": size, "loaded": self.store.is_loaded(reference),
                "can_load": size <= self.store.budget}


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _sse(event: str, data: dict) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode()


def build_app(worker: Worker) -> Starlette:
    async def health(request: Request):
        return JSONResponse({"status": "ok", "version": __version__, "pid": os.getpid()})

    async def capabilities(request: Request):
        references = request.query_params.getlist("model")
        return JSONResponse(await asyncio.to_thread(worker.capabilities, references))

    async def submit(request: Request):
        try:
            body = await request.json()
        except json.JSONDecodeError:
            return _error(400, "bad_json", "the body must be a JSON object")
        if not isinstance(body, dict) or not isinstance(body.get("params"), dict):
            return _error(400, "bad_request", "the body must be {\"kind\": …, \"params\": {…}}")
        kind = body.get("kind")
        try:
            reference = jobs.validate(kind, body["params"])
            await asyncio.to_thread(models.locate, reference)
        except jobs.JobError as error:
            return _error(422, error.code, str(error))
        except MissingModel as missing:
            return JSONResponse({"error": {"code": "missing_model", "message": str(missing), "model": reference,
                                           "searched": missing.searched, "fetch": missing.fetch_command}}, status_code=404)
        job_id = uuid.uuid4().hex
        folder = worker.results / job_id
        folder.mkdir(parents=True)
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()

        def emit(event: str, data: dict) -> None:
            loop.call_soon_threadsafe(queue.put_nowait, (event, {"job": job_id, **data}))

        job = jobs.Job(job_id, kind, body["params"], folder, emit)
        worker.jobs[job_id] = job

        def work() -> None:
            with worker.run_lock:
                if job.cancel.is_set():
                    emit("error", {"code": "cancelled", "message": "cancelled before it started"})
                    return
                emit("started", {"device": worker.device.label, "cpu_fallback": worker.device.is_cpu})
                try:
                    emit("result", jobs.run(job, worker.store))
                except jobs.Cancelled:
                    emit("error", {"code": "cancelled", "message": f"cancelled at step {job.step}/{job.steps}"})
                except jobs.JobError as error:
                    emit("error", {"code": error.code, "message": str(error)})
                except MissingModel as missing:
                    emit("error", {"code": "missing_model", "message": str(missing)})
                except Exception as error:  # a pipeline's own failure, reported rather than dropped
                    emit("error", {"code": "pipeline_failed", "message": f"{type(error).__name__}: {error}"})

        async def stream():
            thread = threading.Thread(target=work, name=f"job-{job_id}", daemon=True)
            yield _sse("accepted", {"job": job_id, "kind": kind, "model": reference})
            thread.start()
            try:
                while True:
                    event, data = await queue.get()
                    yield _sse(event, data)
                    if event in ("result", "error"):
                        return
            finally:
                # A client that goes away cancels its job at the next step.
                job.cancel.set()
                worker.jobs.pop(job_id, None)

        return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})

    async def cancel(request: Request):
        job = worker.jobs.get(request.path_params["job"])
        if job is None:
            return _error(404, "unknown_job", "no such running job")
        job.cancel.set()
        return JSONResponse({"job": job.id, "cancelling": True}, status_code=202)

    async def result_file(request: Request):
        job_id, name = request.path_params["job"], request.path_params["name"]
        path = worker.results / job_id / name
        if not (_is_id(job_id) and name in ("image.png", "music.wav", "video.mp4") and path.is_file()):
            return _error(404, "unknown_file", "no such result file")
        return FileResponse(path)

    async def forget(request: Request):
        job_id = request.path_params["job"]
        if not _is_id(job_id):
            return _error(404, "unknown_job", "no such job")
        shutil.rmtree(worker.results / job_id, ignore_errors=True)
        return JSONResponse({"job": job_id, "removed": True})

    async def unload(request: Request):
        body = await request.json() if await request.body() else {}
        gone = await asyncio.to_thread(worker.store.unload, body.get("model"))
        return JSONResponse({"unloaded": gone})

    app = Starlette(routes=[
        Route("/v1/health", health),
        Route("/v1/capabilities", capabilities),
        Route("/v1/jobs", submit, methods=["POST"]),
        Route("/v1/jobs/{job}/cancel", cancel, methods=["POST"]),
        Route("/v1/jobs/{job}/files/{name}", result_file),
        Route("/v1/jobs/{job}", forget, methods=["DELETE"]),
        Route("/v1/unload", unload, methods=["POST"]),
    ])
    if worker.token:
        app.add_middleware(_BearerAuth, token=worker.token)
    return app


def _is_id(text: str) -> bool:
    return len(text) == 32 and all(c in "0123456789abcdef" for c in text)


class _BearerAuth:
    """Every route but health needs `Authorization: Bearer <token>` when the worker has a token."""

    def __init__(self, app, token: str):
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"] != "/v1/health":
            given = dict(scope["headers"]).get(b"authorization", b"")
            if not hmac.compare_digest(given, self.expected):
                response = _error(401, "unauthorized", "this worker needs its bearer token")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
