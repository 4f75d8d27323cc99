"""Writing results as ordinary files: PNG images, WAV audio, MP4 video."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
from PIL import Image


def decode_image(data: str) -> Image.Image:
    """An image sent as base64 (PNG or JPEG), as RGB."""
    try:
        return Image.open(io.BytesIO(base64.b64decode(data, validate=True))).convert("RGB")
    except Exception as error:  # PIL raises several kinds for bad data
        raise ValueError(f"not a readable image: {error}") from error


def write_png(image: np.ndarray, path: Path) -> None:
    """`image` is H×W×3 floats in 0…1."""
    Image.fromarray(_to_bytes(image)).save(path, format="PNG")


def write_wav(audio: np.ndarray, sample_rate: int, path: Path) -> None:
    """`audio` is channels×samples floats in -1…1; written as 16-bit PCM."""
    import soundfile

    soundfile.write(path, np.clip(audio.T, -1.0, 1.0), sample_rate, subtype="PCM_16")


def write_mp4(frames: np.ndarray, fps: int, path: Path) -> None:
    """`frames` is N×H×W×3 floats in 0…1; H.264 at near-lossless quality, since Timmy re-encodes it to the asked rate."""
    import imageio

    with imageio.get_writer(path, format="FFMPEG", fps=fps, codec="libx264", pixelformat="yuv420p", macro_block_size=1,
                            output_params=["-crf", "12"], ffmpeg_log_level="error") as writer:
        for frame in _to_bytes(frames):
            writer.append_data(frame)


def _to_bytes(values: np.ndarray) -> np.ndarray:
    return (np.clip(values, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
