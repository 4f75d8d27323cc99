"""The protocol over a real loopback socket: the worker runs as Timmy starts it, `python -m timmy_worker serve`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import httpx
import pytest

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def worker(tiny_models, tmp_path_factory):
    env = {**os.environ, "TIMMY_WORKER_TOKEN": TOKEN}
    device = os.environ.get("TIMMY_WORKER_TEST_DEVICE", "cpu")
    process = subprocess.Popen(
        [sys.executable, "-m", "timmy_worker", "serve", "--port", "0", "--device", device, "--results",
         str(tmp_path_factory.mktemp("results")), "--parent-pid", str(os.getpid())],
        stdout=subprocess.PIPE, text=True, env=env)
    ready = json.loads(process.stdout.readline())
    client = httpx.Client(base_url=ready["listening"], headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    yield client, ready
    client.close()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=20)


def events(response):
    """The stream's events, as (name, data), in order."""
    name = None
    for line in response.iter_lines():
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: "):
            yield name, json.loads(line.removeprefix("data: "))


def image_job(model, **extra):
    return {"kind": "image", "params": {"model": model, "prompt": "a lighthouse", "width": 32, "height": 32, "steps": 3, "seed": 4, **extra}}


def test_health_needs_no_token_but_everything_else_does(worker):
    client, ready = worker
    assert httpx.get(f"{ready['listening']}/v1/health").json()["status"] == "ok"
    refused = httpx.get(f"{ready['listening']}/v1/capabilities")
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthorized"


def test_capabilities_say_the_device_the_memory_and_which_models_are_here(worker, tiny_models):
    client, _ = worker
    report = client.get("/v1/capabilities", params=[("model", tiny_models["image"]), ("model", "Wan-AI/Wan2.1-T2V-1.3B-Diffusers")]).json()
    assert report["device_kind"] in ("cpu", "cuda") and report["memory"]["budget"] > 0
    assert report["cpu_fallback"] == (report["device_kind"] == "cpu")
    here = report["models"][tiny_models["image"]]
    assert here["present"] and here["can_load"] and here["bytes"] > 0
    absent = report["models"]["Wan-AI/Wan2.1-T2V-1.3B-Diffusers"]
    assert not absent["present"] and not absent["can_load"]
    assert absent["fetch"] == "timmy models fetch Wan-AI/Wan2.1-T2V-1.3B-Diffusers" and absent["searched"]


def test_a_job_streams_each_step_and_its_result_file(worker, tiny_models):
    client, _ = worker
    with client.stream("POST", "/v1/jobs", json=image_job(tiny_models["image"])) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        seen = list(events(response))
    names = [name for name, _ in seen]
    assert names[0] == "accepted" and names[-1] == "result"
    assert [data["step"] for name, data in seen if name == "progress"] == [1, 2, 3]
    result = seen[-1][1]
    assert result["seed"] == 4 and result["model"] == tiny_models["image"]
    file = client.get(result["files"][0]["url"])
    assert file.status_code == 200 and file.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(file.content) == result["files"][0]["bytes"]
    assert client.delete(f"/v1/jobs/{result['job']}").json()["removed"]
    assert client.get(result["files"][0]["url"]).status_code == 404
    loaded = client.get("/v1/capabilities").json()["loaded"]
    assert [m["model"] for m in loaded] == [tiny_models["image"]]


def test_cancel_ends_the_job_at_the_next_step(worker, tiny_models):
    client, _ = worker
    job = {"kind": "video", "params": {"model": tiny_models["video"], "prompt": "rain", "width": 64, "height": 64, "num_frames": 9,
                                       "steps": 40, "guidance": 1.0, "seed": 1}}
    with client.stream("POST", "/v1/jobs", json=job) as response:
        seen = []
        for name, data in events(response):
            seen.append((name, data))
            if name == "progress" and data["step"] == 2:
                assert client.post(f"/v1/jobs/{data['job']}/cancel").status_code == 202
    assert seen[-1][0] == "error" and seen[-1][1]["code"] == "cancelled"
    steps = [data["step"] for name, data in seen if name == "progress"]
    # The steps already under way when the cancel arrived finish; the job stops at the first step after it.
    assert steps[-1] < 40 and seen[-1][1]["message"] == f"cancelled at step {steps[-1]}/40"
    assert not [name for name, _ in seen if name == "result"]


def test_a_missing_model_is_refused_at_once_with_where_it_looked(worker):
    client, _ = worker
    response = client.post("/v1/jobs", json=image_job("black-forest-labs/FLUX.2-klein-4B"))
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "missing_model" and error["fetch"] == "timmy models fetch black-forest-labs/FLUX.2-klein-4B"
    assert "models--black-forest-labs--FLUX.2-klein-4B" in error["searched"][0]


def test_bad_parameters_are_refused_before_a_stream_starts(worker, tiny_models):
    client, _ = worker
    response = client.post("/v1/jobs", json=image_job(tiny_models["image"], width=30))
    assert response.status_code == 422 and "multiple of 16" in response.json()["error"]["message"]
    assert client.post("/v1/jobs", json={"kind": "poem", "params": {}}).json()["error"]["code"] == "unknown_kind"


def test_unload_frees_the_loaded_models(worker, tiny_models):
    client, _ = worker
    with client.stream("POST", "/v1/jobs", json=image_job(tiny_models["image"])) as response:
        list(events(response))
    assert tiny_models["image"] in client.post("/v1/unload", json={}).json()["unloaded"]
    assert client.get("/v1/capabilities").json()["loaded"] == []
