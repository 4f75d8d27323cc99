"""Where the models run: the GPU in bf16 when CUDA is present, else the CPU in float32, and how much memory there is."""

from __future__ import annotations

import os
from dataclasses import dataclass

import torch

CPU_NOTE = "running on the CPU: no CUDA GPU was found, so each image, song or clip takes minutes where a GPU takes seconds"


@dataclass(frozen=True)
class Device:
    name: str  # "cuda" or "cpu"
    dtype: torch.dtype
    label: str  # what a person reads: the GPU's name, or "CPU"

    @property
    def is_cpu(self) -> bool:
        return self.name == "cpu"

    @property
    def dtype_name(self) -> str:
        return str(self.dtype).removeprefix("torch.")

    def memory(self) -> tuple[int, int]:
        """(total, free) bytes of the memory the models load into: the GPU's, or the machine's RAM."""
        if self.name == "cuda":
            free, total = torch.cuda.mem_get_info()
            return total, free
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        return pages, _available_ram() or pages


def _available_ram() -> int | None:
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def choose(requested: str = "auto") -> Device:
    """`auto` takes CUDA when present; `cpu` or `cuda` force one (`cuda` fails where there is none)."""
    if requested not in ("auto", "cpu", "cuda"):
        raise ValueError(f"device must be auto, cpu or cuda, got {requested!r}")
    if requested == "cuda" or (requested == "auto" and torch.cuda.is_available()):
        if not torch.cuda.is_available():
            raise RuntimeError("device 'cuda' was asked for, but torch sees no CUDA GPU")
        return Device("cuda", torch.bfloat16, torch.cuda.get_device_name(0))
    return Device("cpu", torch.float32, "CPU")
