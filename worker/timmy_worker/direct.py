"""The baseline of `timmy-bench worker`: the same tiny FLUX.2 Klein pipeline, loaded the same way, called
directly in this process with the arguments a worker job uses, and its PNG written. Prints one JSON line
with each call's seconds."""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import torch


def main() -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    from . import media
    from .device import choose
    from .models import ModelStore

    parser = argparse.ArgumentParser(prog="python -m timmy_worker.direct")
    parser.add_argument("--model", required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--steps", type=int, required=True)
    parser.add_argument("--runs", type=int, required=True)
    args = parser.parse_args()
    store = ModelStore(choose("auto"))
    pipeline = store.get(args.model).pipeline
    layers = pipeline.text_encoder.config.num_hidden_layers
    folder = Path(tempfile.mkdtemp(prefix="timmy-direct-"))
    seconds = []
    for run in range(args.runs + 1):
        started = time.monotonic()
        with torch.inference_mode():
            image = pipeline(
                prompt="a lighthouse at dusk", width=args.size, height=args.size, num_inference_steps=args.steps, guidance_scale=1.0,
                generator=torch.Generator(device="cpu").manual_seed(run), output_type="np",
                text_encoder_out_layers=tuple(min(layer, layers) for layer in (9, 18, 27)),
            ).images[0]
        media.write_png(image, folder / f"{run}.png")
        if run:  # the first call warms the caches, as the worker's first job does
            seconds.append(time.monotonic() - started)
    print(json.dumps({"seconds": seconds}))


if __name__ == "__main__":
    main()
