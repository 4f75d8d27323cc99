"""Finding a model on this machine and keeping loaded ones within a memory budget.

A model is named by a Hugging Face hub id (`owner/name`), found only in the local Hugging Face
cache, or by a folder. Nothing here goes online: a model that is not on the machine is an error
that names it, the places searched and the command that fetches it.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import torch

from .device import Device

WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".gguf")


class MissingModel(Exception):
    """The model named is not on this machine."""

    def __init__(self, reference: str, searched: list[str]):
        self.reference = reference
        self.searched = searched
        fetch = f"timmy models fetch {reference}" if not _looks_like_folder(reference) else None
        hint = (
            f"fetch it on a machine with a network connection with `{fetch}` (or `hf download {reference}`), "
            "then copy the Hugging Face cache here"
            if fetch
            else "point the setting at a folder that holds the model (model_index.json and its components)"
        )
        super().__init__(f"model {reference} is not on this machine: searched {', '.join(searched)}; {hint}")
        self.fetch_command = fetch


def _looks_like_folder(reference: str) -> bool:
    return reference.startswith(("/", ".", "~")) or reference.count("/") != 1


def hub_cache() -> Path:
    from huggingface_hub import constants

    return Path(constants.HF_HUB_CACHE)


def locate(reference: str) -> Path:
    """The local folder of a model (a pipeline folder with model_index.json); raises MissingModel."""
    if _looks_like_folder(reference) or Path(reference).expanduser().is_dir():
        folder = Path(reference).expanduser().resolve()
        if (folder / "model_index.json").is_file():
            return folder
        raise MissingModel(reference, [f"{folder} (no model_index.json there)"])
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(repo_id=reference, filename="model_index.json", cache_dir=hub_cache())
    if isinstance(found, str):
        return Path(found).parent
    repo_folder = hub_cache() / ("models--" + reference.replace("/", "--"))
    raise MissingModel(reference, [f"{repo_folder} (the Hugging Face cache)"])


def weight_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in WEIGHT_SUFFIXES and p.is_file())


def size_on_disk(folder: Path) -> int:
    return sum(p.stat().st_size for p in weight_files(folder))


def weights_hash(folder: Path) -> str:
    """SHA-256 over the weight files' names and contents. In the Hugging Face cache each weight file is a
    link to a blob named by its own SHA-256, so those names stand for the contents without reading gigabytes."""
    digest = hashlib.sha256()
    for path in weight_files(folder):
        digest.update(str(path.relative_to(folder)).encode())
        target = Path(os.path.realpath(path))
        if path.is_symlink() and target.parent.name == "blobs" and len(target.name) == 64:
            digest.update(target.name.encode())
        else:
            with open(path, "rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
    return digest.hexdigest()


@dataclass
class LoadedModel:
    reference: str
    folder: Path
    pipeline: object
    bytes: int
    weights_sha256: str
    load_seconds: float
    last_used: float = field(default_factory=time.monotonic)

    def describe(self) -> dict:
        return {
            "model": self.reference, "path": str(self.folder), "bytes": self.bytes, "weights_sha256": self.weights_sha256,
            "pipeline": type(self.pipeline).__name__, "load_seconds": round(self.load_seconds, 3),
        }


class ModelStore:
    """Loads pipelines on first use and keeps them; when the next one would pass the memory budget,
    unloads the least recently used first."""

    def __init__(self, device: Device, budget_bytes: int | None = None):
        self.device = device
        total, free = device.memory()
        # Leave room for activations and the rest of the machine when no budget is given.
        self.budget = budget_bytes if budget_bytes is not None else int(free * 0.8)
        self._loaded: OrderedDict[str, LoadedModel] = OrderedDict()
        self._lock = threading.RLock()
        self.unloaded: list[str] = []  # references unloaded to make room, oldest first (for the record)

    @property
    def used(self) -> int:
        with self._lock:
            return sum(m.bytes for m in self._loaded.values())

    def loaded(self) -> list[dict]:
        with self._lock:
            return [m.describe() for m in self._loaded.values()]

    def is_loaded(self, reference: str) -> bool:
        with self._lock:
            return reference in self._loaded

    def get(self, reference: str, on_load=None) -> LoadedModel:
        """The loaded pipeline for `reference`, loading it (and unloading others to fit) when needed."""
        with self._lock:
            model = self._loaded.get(reference)
            if model is not None:
                self._loaded.move_to_end(reference)
                model.last_used = time.monotonic()
                return model
            folder = locate(reference)
            need = size_on_disk(folder)
            while self._loaded and self.used + need > self.budget:
                old, _ = self._loaded.popitem(last=False)
                self.unloaded.append(old)
                self._release()
            if on_load:
                on_load(reference, need)
            started = time.monotonic()
            pipeline = self._load(folder)
            model = LoadedModel(reference, folder, pipeline, need, weights_hash(folder), time.monotonic() - started)
            self._loaded[reference] = model
            return model

    def unload(self, reference: str | None = None) -> list[str]:
        with self._lock:
            names = [reference] if reference else list(self._loaded)
            gone = [name for name in names if self._loaded.pop(name, None) is not None]
            if gone:
                self._release()
            return gone

    def _load(self, folder: Path):
        from diffusers import DiffusionPipeline

        pipeline = DiffusionPipeline.from_pretrained(folder, dtype=self.device.dtype, local_files_only=True)
        # Wan's VAE is only accurate in float32; its published weights are meant to be run that way.
        if type(pipeline).__name__.startswith("Wan") and self.device.dtype != torch.float32:
            pipeline.vae.to(torch.float32)
        pipeline.set_progress_bar_config(disable=True)
        return pipeline.to(self.device.name)

    def _release(self) -> None:
        gc.collect()
        if self.device.name == "cuda":
            torch.cuda.empty_cache()
