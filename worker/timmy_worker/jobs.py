"""One job: its parameters checked, its model fetched from the store, the pipeline run step by step
with progress and cancellation between steps, and the result written as a file."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from . import media
from .device import CPU_NOTE, Device
from .models import LoadedModel, ModelStore

KINDS = ("image", "music", "video", "image_to_video")
# What each kind runs with unless the call says otherwise: FLUX.2 Klein is distilled to 4 steps at
# guidance 1.0 (the pipeline's own 50 and 4.0 are for the undistilled model); the ACE-Step turbo
# model runs 8 steps at shift 3.0; Wan 2.1 is tuned for 50 steps at guidance 5.0.
DEFAULTS = {
    "image": {"steps": 4, "guidance": 1.0},
    "music": {"steps": 8, "guidance": 1.0, "shift": 3.0},
    "video": {"steps": 50, "guidance": 5.0},
    "image_to_video": {"steps": 50, "guidance": 5.0},
}
WAN_FPS = 16


class JobError(Exception):
    """A job that cannot run as asked; `code` is stable for clients, the message is for a person."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class Cancelled(Exception):
    pass


@dataclass
class Job:
    id: str
    kind: str
    params: dict
    folder: Path
    emit: Callable[[str, dict], None]
    cancel: threading.Event = field(default_factory=threading.Event)
    step: int = 0
    steps: int = 0

    def param(self, name, default=None, kind=None):
        value = self.params.get(name, default)
        if value is None:
            return None
        try:
            return kind(value) if kind else value
        except (TypeError, ValueError):
            raise JobError("invalid_parameter", f"{name} must be a {kind.__name__}, got {value!r}") from None

    def required(self, name, kind=str):
        if self.params.get(name) in (None, ""):
            raise JobError("invalid_parameter", f"{name} is required for a {self.kind} job")
        return self.param(name, kind=kind)


def validate(kind: str, params: dict) -> str:
    """The model reference of a job, after the checks that need no model."""
    if kind not in KINDS:
        raise JobError("unknown_kind", f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    model = params.get("model")
    if not isinstance(model, str) or not model:
        raise JobError("invalid_parameter", "model is required: a Hugging Face id or a local folder")
    if not isinstance(params.get("seed"), int):
        raise JobError("invalid_parameter", "seed is required (an integer), so every result can be made again")
    if kind in ("image", "video", "image_to_video"):
        for name in ("width", "height"):
            value = params.get(name)
            if not isinstance(value, int) or value < 16 or value % 16:
                raise JobError("invalid_parameter", f"{name} must be a positive multiple of 16, got {value!r}")
    if kind in ("video", "image_to_video"):
        frames = params.get("num_frames")
        if not isinstance(frames, int) or frames < 1 or frames % 4 != 1:
            raise JobError("invalid_parameter", f"num_frames must be 4k+1 (17, 33, 81, …), got {frames!r}")
    if kind == "music":
        duration = params.get("duration")
        if not isinstance(duration, (int, float)) or not 1 <= duration <= 600:
            raise JobError("invalid_parameter", f"duration must be 1–600 seconds, got {duration!r}")
    return model


def run(job: Job, store: ModelStore) -> dict:
    """Runs the job to its result (files in `job.folder` and what made them); raises Cancelled or JobError."""
    reference = validate(job.kind, job.params)
    timings: dict[str, float] = {}
    started = time.monotonic()
    was_loaded = store.is_loaded(reference)
    model = store.get(reference, on_load=lambda ref, size: job.emit("loading", {"model": ref, "bytes": size}))
    timings["load"] = 0.0 if was_loaded else time.monotonic() - started
    device = store.device
    runner = {"image": _image, "music": _music, "video": _video, "image_to_video": _video}[job.kind]
    started = time.monotonic()
    output, settings = runner(job, model, device)
    timings["inference"] = time.monotonic() - started
    started = time.monotonic()
    files = output()
    timings["encode"] = time.monotonic() - started
    return {
        "files": [_describe(job, path) for path in files], "model": reference, "weights_sha256": model.weights_sha256,
        "pipeline": type(model.pipeline).__name__, "device": device.label, "device_kind": device.name,
        "dtype": device.dtype_name, "seed": job.params["seed"], "timings": timings, "unloaded": list(store.unloaded), **settings,
    }


def _describe(job: Job, path: Path) -> dict:
    types = {".png": "image/png", ".wav": "audio/wav", ".mp4": "video/mp4"}
    return {"name": path.name, "bytes": path.stat().st_size, "media_type": types[path.suffix],
            "url": f"/v1/jobs/{job.id}/files/{path.name}"}


def _generator(seed: int) -> torch.Generator:
    # Drawn on the CPU so that a seed gives the same noise on every device.
    return torch.Generator(device="cpu").manual_seed(seed)


def _stepper(job: Job, steps: int, device: Device, offset: int = 0, total: int | None = None):
    """The per-step callback: reports the step, and stops the pipeline at the next step once cancelled."""
    job.steps = total or steps
    note = f" ({CPU_NOTE})" if device.is_cpu else ""

    def on_step_end(pipeline, index, timestep, tensors):
        job.step = offset + index + 1
        job.emit("progress", {"step": job.step, "steps": job.steps, "message": f"step {job.step}/{job.steps}{note}"})
        if job.cancel.is_set():
            raise Cancelled()
        return {}

    return on_step_end


def _image(job: Job, model: LoadedModel, device: Device):
    pipeline = model.pipeline
    steps = job.param("steps", DEFAULTS["image"]["steps"], int)
    guidance = job.param("guidance", DEFAULTS["image"]["guidance"], float)
    references = [media.decode_image(data) for data in job.params.get("reference_images") or []]
    layers = pipeline.text_encoder.config.num_hidden_layers
    kwargs = dict(
        prompt=job.required("prompt"), width=job.params["width"], height=job.params["height"], num_inference_steps=steps,
        guidance_scale=guidance, generator=_generator(job.params["seed"]), output_type="np",
        text_encoder_out_layers=tuple(min(layer, layers) for layer in (9, 18, 27)),
        callback_on_step_end=_stepper(job, steps, device),
    )
    if references:
        kwargs["image"] = references
    with torch.inference_mode():
        image = pipeline(**kwargs).images[0]
    path = job.folder / "image.png"
    return (lambda: (media.write_png(image, path), [path])[1]), {
        "steps": steps, "guidance": guidance, "details": {"width": image.shape[1], "height": image.shape[0], "references": len(references)},
    }


def _music(job: Job, model: LoadedModel, device: Device):
    pipeline = model.pipeline
    defaults = DEFAULTS["music"]
    steps = job.param("steps", defaults["steps"], int)
    guidance = job.param("guidance", defaults["guidance"], float)
    shift = job.param("shift", defaults["shift"], float)
    stem = job.param("stem")
    duration = float(job.params["duration"])
    common = dict(
        prompt=job.param("prompt", "") or "", audio_duration=duration, vocal_language=job.param("language", "en"),
        num_inference_steps=steps, guidance_scale=guidance, shift=shift, bpm=job.param("bpm", None, int),
        keyscale=job.param("keyscale"), output_type="pt",
    )
    lyrics = job.param("lyrics", "") or "[Instrumental]"
    total = steps * (2 if stem else 1)
    with torch.inference_mode():
        audio = pipeline(lyrics=lyrics, generator=_generator(job.params["seed"]), task_type="text2music",
                         callback_on_step_end=_stepper(job, steps, device, total=total), **common).audios[0]
        if stem:
            # A stem is taken out of a whole song: ACE-Step's extract task on the song just made.
            audio = pipeline(lyrics=lyrics, generator=_generator(job.params["seed"]), task_type="extract", track_name=stem,
                             src_audio=audio.float().cpu(), callback_on_step_end=_stepper(job, steps, device, offset=steps, total=total),
                             **common).audios[0]
    samples = audio.float().cpu().numpy()
    rate = pipeline.sample_rate
    path = job.folder / "music.wav"
    return (lambda: (media.write_wav(samples, rate, path), [path])[1]), {
        "steps": steps, "guidance": guidance,
        "details": {"sample_rate": rate, "channels": samples.shape[0], "samples": samples.shape[1], "shift": shift,
                    "task": "extract" if stem else "text2music", "stem": stem},
    }


def _video(job: Job, model: LoadedModel, device: Device):
    pipeline = model.pipeline
    defaults = DEFAULTS[job.kind]
    steps = job.param("steps", defaults["steps"], int)
    guidance = job.param("guidance", defaults["guidance"], float)
    height = job.params["height"]
    # Wan's flow shift: 3.0 suits 480p, 5.0 suits 720p.
    shift = job.param("flow_shift", 3.0 if height <= 480 else 5.0, float)
    _set_flow_shift(pipeline, shift)
    kwargs = dict(
        prompt=job.required("prompt"), negative_prompt=job.param("negative_prompt"), width=job.params["width"], height=height,
        num_frames=job.params["num_frames"], num_inference_steps=steps, guidance_scale=guidance,
        generator=_generator(job.params["seed"]), output_type="np", callback_on_step_end=_stepper(job, steps, device),
    )
    if job.kind == "image_to_video":
        kwargs["image"] = media.decode_image(job.required("image")).resize((job.params["width"], height))
    with torch.inference_mode():
        frames = pipeline(**kwargs).frames[0]
    frames = np.asarray(frames, dtype=np.float32)
    path = job.folder / "video.mp4"
    return (lambda: (media.write_mp4(frames, WAN_FPS, path), [path])[1]), {
        "steps": steps, "guidance": guidance,
        "details": {"frames": frames.shape[0], "fps": WAN_FPS, "width": frames.shape[2], "height": frames.shape[1], "flow_shift": shift},
    }


def _set_flow_shift(pipeline, shift: float) -> None:
    config = pipeline.scheduler.config
    key = "flow_shift" if "flow_shift" in config else "shift"
    if config.get(key) != shift:
        pipeline.scheduler = type(pipeline.scheduler).from_config(config, **{key: shift})
