"""Each model family, built tiny, saved and loaded through the same path as real weights, and run."""

from __future__ import annotations

import base64
import io
import subprocess

import numpy as np
import pytest
import soundfile
from PIL import Image

from timmy_worker import jobs
from timmy_worker.models import MissingModel, ModelStore, locate, size_on_disk, weights_hash


def run_job(store, tmp_path, kind, params, on_event=None):
    events = []
    folder = tmp_path / f"{kind}-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()

    def emit(event, data):
        events.append((event, data))
        if on_event:
            on_event(job, event, data)

    job = jobs.Job("0" * 32, kind, params, folder, emit)
    return jobs.run(job, store), folder, events


def probe(path):
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries",
         "stream=codec_name,width,height,nb_read_frames,r_frame_rate,pix_fmt", "-of", "default=nw=1", str(path)],
        check=True, capture_output=True, text=True).stdout
    return dict(line.split("=", 1) for line in out.split())


def png_base64(color, size=(64, 64)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def image_params(model, seed=7, **extra):
    return {"model": model, "prompt": "a red boat at dawn", "width": 64, "height": 48, "steps": 2, "seed": seed, **extra}


def video_params(model, seed=3, frames=9, **extra):
    return {"model": model, "prompt": "clouds over a city", "width": 64, "height": 64, "num_frames": frames, "steps": 2,
            "guidance": 1.0, "seed": seed, **extra}


def test_image_is_a_png_of_the_asked_size_with_what_made_it(store, tiny_models, tmp_path, device):
    result, folder, events = run_job(store, tmp_path, "image", image_params(tiny_models["image"]))
    image = Image.open(folder / "image.png")
    assert image.size == (64, 48) and image.mode == "RGB"
    assert result["pipeline"] == "Flux2KleinPipeline" and result["model"] == tiny_models["image"]
    assert result["seed"] == 7 and result["steps"] == 2 and result["guidance"] == 1.0
    assert result["dtype"] == device.dtype_name and len(result["weights_sha256"]) == 64
    assert set(result["timings"]) == {"load", "inference", "encode"} and result["timings"]["load"] > 0
    assert [data["step"] for event, data in events if event == "progress"] == [1, 2]
    assert result["files"][0]["name"] == "image.png" and result["files"][0]["media_type"] == "image/png"


def test_klein_defaults_are_the_distilled_four_steps_at_guidance_one(store, tiny_models, tmp_path):
    params = image_params(tiny_models["image"])
    del params["steps"]
    result, _, events = run_job(store, tmp_path, "image", params)
    assert (result["steps"], result["guidance"]) == (4, 1.0)
    assert [data["step"] for event, data in events if event == "progress"] == [1, 2, 3, 4]


def test_a_seed_makes_the_same_image_again_and_another_seed_another(store, tiny_models, tmp_path):
    first = np.asarray(Image.open(run_job(store, tmp_path, "image", image_params(tiny_models["image"], seed=11))[1] / "image.png"))
    again = np.asarray(Image.open(run_job(store, tmp_path, "image", image_params(tiny_models["image"], seed=11))[1] / "image.png"))
    other = np.asarray(Image.open(run_job(store, tmp_path, "image", image_params(tiny_models["image"], seed=12))[1] / "image.png"))
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)


def test_reference_images_condition_the_picture(store, tiny_models, tmp_path):
    params = image_params(tiny_models["image"], reference_images=[png_base64((200, 30, 30))])
    result, folder, _ = run_job(store, tmp_path, "image", params)
    assert result["details"]["references"] == 1
    plain = np.asarray(Image.open(run_job(store, tmp_path, "image", image_params(tiny_models["image"]))[1] / "image.png"))
    assert not np.array_equal(np.asarray(Image.open(folder / "image.png")), plain)


def test_music_is_48_khz_stereo_of_the_asked_length_and_repeats_for_a_seed(store, tiny_models, tmp_path):
    params = {"model": tiny_models["music"], "prompt": "lo-fi, rain", "lyrics": "[verse]\nrain on the roof", "duration": 3.0,
              "steps": 2, "seed": 5, "bpm": 90}
    result, folder, _ = run_job(store, tmp_path, "music", params)
    audio, rate = soundfile.read(folder / "music.wav")
    assert rate == 48_000 and audio.shape[1] == 2
    assert abs(audio.shape[0] / rate - 3.0) < 0.1
    assert result["details"]["sample_rate"] == 48_000 and result["pipeline"] == "AceStepPipeline"
    again, _ = soundfile.read(run_job(store, tmp_path, "music", params)[1] / "music.wav")
    assert np.array_equal(audio, again)


def test_a_vocal_stem_is_extracted_from_the_song_in_a_second_pass(store, tiny_models, tmp_path):
    params = {"model": tiny_models["music"], "lyrics": "[verse]\nla la la", "duration": 2.0, "steps": 2, "seed": 1, "stem": "vocals"}
    result, folder, events = run_job(store, tmp_path, "music", params)
    assert result["details"]["task"] == "extract" and result["details"]["stem"] == "vocals"
    assert [data["step"] for event, data in events if event == "progress"] == [1, 2, 3, 4]
    assert soundfile.info(folder / "music.wav").samplerate == 48_000


def test_video_has_4k_plus_1_frames_at_16_fps(store, tiny_models, tmp_path):
    result, folder, _ = run_job(store, tmp_path, "video", video_params(tiny_models["video"]))
    stream = probe(folder / "video.mp4")
    assert stream["codec_name"] == "h264" and stream["pix_fmt"] == "yuv420p"
    assert (stream["width"], stream["height"], stream["nb_read_frames"], stream["r_frame_rate"]) == ("64", "64", "9", "16/1")
    assert result["details"]["frames"] == 9 and result["pipeline"] == "WanPipeline"


def test_frames_other_than_4k_plus_1_are_refused_before_any_work(store, tiny_models, tmp_path):
    with pytest.raises(jobs.JobError, match="4k\\+1"):
        run_job(store, tmp_path, "video", video_params(tiny_models["video"], frames=10))
    assert store.loaded() == []


def test_image_to_video_starts_from_the_image(store, tiny_models, tmp_path):
    params = video_params(tiny_models["image_to_video"], image=png_base64((20, 180, 40)))
    result, folder, _ = run_job(store, tmp_path, "image_to_video", params)
    assert probe(folder / "video.mp4")["nb_read_frames"] == "9"
    assert result["pipeline"] == "WanImageToVideoPipeline"


def test_same_seed_same_clip(store, tiny_models, tmp_path):
    import imageio.v3 as iio

    first = iio.imread(run_job(store, tmp_path, "video", video_params(tiny_models["video"]))[1] / "video.mp4")
    again = iio.imread(run_job(store, tmp_path, "video", video_params(tiny_models["video"]))[1] / "video.mp4")
    assert np.array_equal(first, again)


def test_cancel_stops_at_the_next_step(store, tiny_models, tmp_path):
    def cancel_at_two(job, event, data):
        if event == "progress" and data["step"] == 2:
            job.cancel.set()

    with pytest.raises(jobs.Cancelled):
        run_job(store, tmp_path, "video", video_params(tiny_models["video"], steps=6), on_event=cancel_at_two)
    assert not any((tmp_path / name / "video.mp4").exists() for name in [p.name for p in tmp_path.iterdir()])


def test_the_least_recently_used_model_is_unloaded_when_the_next_does_not_fit(device, tiny_models, tmp_path):
    image, video, music = (size_on_disk(locate(tiny_models[k])) for k in ("image", "video", "music"))
    store = ModelStore(device, budget_bytes=image + video + music - 1)
    run_job(store, tmp_path, "image", image_params(tiny_models["image"]))
    run_job(store, tmp_path, "video", video_params(tiny_models["video"]))
    run_job(store, tmp_path, "image", image_params(tiny_models["image"]))  # the video model is now the older
    result, _, _ = run_job(store, tmp_path, "music", {"model": tiny_models["music"], "duration": 1.0, "steps": 1, "seed": 1})
    assert [m["model"] for m in store.loaded()] == [tiny_models["image"], tiny_models["music"]]
    assert store.unloaded == [tiny_models["video"]] and result["unloaded"] == [tiny_models["video"]]
    assert store.used <= store.budget


def test_a_missing_hub_model_names_itself_the_places_searched_and_the_fetch_command(store, tmp_path):
    with pytest.raises(MissingModel) as missing:
        run_job(store, tmp_path, "image", image_params("black-forest-labs/FLUX.2-klein-4B"))
    text = str(missing.value)
    assert "black-forest-labs/FLUX.2-klein-4B" in text and "models--black-forest-labs--FLUX.2-klein-4B" in text
    assert "timmy models fetch black-forest-labs/FLUX.2-klein-4B" in text
    assert missing.value.fetch_command == "timmy models fetch black-forest-labs/FLUX.2-klein-4B"


def test_a_missing_folder_says_what_it_lacks(store, tmp_path):
    with pytest.raises(MissingModel, match="no model_index.json"):
        locate(str(tmp_path / "nothing-here"))


def test_the_weights_hash_is_of_the_contents(tiny_models):
    folder = locate(tiny_models["image"])
    assert weights_hash(folder) == weights_hash(folder)
    assert weights_hash(folder) != weights_hash(locate(tiny_models["video"]))
