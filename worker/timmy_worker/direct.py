"""The baseline of `timmy-bench worker`: the same tiny FLUX.2 Klein pipeline, loaded the same way, called
directly in this process with the arguments a worker job uses, and its PNG written. It reads one call per
line on standard input (`{"size": 64, "steps": 4, "seed": 1}`) and answers each with `{"seconds": …}`, so
the bench can alternate direct and worker calls and both see the same machine."""

from __future__ import annotations

import argparse
import json
import os
import sys
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
    args = parser.parse_args()
    pipeline = ModelStore(choose("auto")).get(args.model).pipeline
    layers = pipeline.text_encoder.config.num_hidden_layers
    folder = Path(tempfile.mkdtemp(prefix="timmy-direct-"))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        call = json.loads(line)
        started = time.monotonic()
        with torch.inference_mode():
            image = pipeline(
                prompt="a lighthouse at dusk", width=call["size"], height=call["size"], num_inference_steps=call["steps"],
                guidance_scale=1.0, generator=torch.Generator(device="cpu").manual_seed(call["seed"]), output_type="np",
                text_encoder_out_layers=tuple(min(layer, layers) for layer in (9, 18, 27)),
            ).images[0]
        media.write_png(image, folder / f"{call['seed']}.png")
        print(json.dumps({"seconds": time.monotonic() - started}), flush=True)


if __name__ == "__main__":
    main()
