"""Tiny random-weight pipelines of the real model families, built in code.

Each has the real pipeline class and component classes at a few layers and hidden sizes of 16–64,
so `save_pretrained` writes a folder laid out as the published weights are and the worker loads it
through the same `from_pretrained` path. Nothing is downloaded: the tokenizers are made from an
in-memory vocabulary. `python -m timmy_worker.tiny FOLDER` writes all four.
"""

from __future__ import annotations

import sys
from pathlib import Path

import torch

# Which folder under the output each family's tiny model is written to.
NAMES = {"image": "tiny-flux2-klein", "music": "tiny-ace-step", "video": "tiny-wan-t2v", "image_to_video": "tiny-wan-i2v"}

_QWEN_SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<think>", "</think>"]
# The shape of Qwen3's chat template that FLUX.2 Klein's prompt encoding relies on.
_QWEN_CHAT_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n"
    "{% if enable_thinking is defined and not enable_thinking %}<think>\n\n</think>\n\n{% endif %}{% endif %}"
)


def qwen_tokenizer():
    """A byte-level BPE tokenizer shaped as Qwen's: the 256 byte symbols and Qwen's special tokens, no merges."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import Qwen2TokenizerFast

    alphabet = pre_tokenizers.ByteLevel.alphabet()
    vocab = {symbol: index for index, symbol in enumerate(sorted(alphabet))}
    tokenizer = Tokenizer(models.BPE(vocab=vocab, merges=[]))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tokenizer.decoder = decoders.ByteLevel()
    wrapped = Qwen2TokenizerFast(
        tokenizer_object=tokenizer, eos_token="<|im_end|>", pad_token="<|endoftext|>", unk_token=None, bos_token=None
    )
    wrapped.add_special_tokens({"additional_special_tokens": _QWEN_SPECIALS[1:]})
    wrapped.chat_template = _QWEN_CHAT_TEMPLATE
    return wrapped


def t5_tokenizer():
    """A Unigram tokenizer shaped as T5's: pad, end and unknown first, then single-character pieces."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import T5TokenizerFast

    letters = "abcdefghijklmnopqrstuvwxyz0123456789.,!?'-"
    pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -2.0)]
    pieces += [(f"▁{c}", -3.0) for c in letters] + [(c, -4.0) for c in letters]
    tokenizer = Tokenizer(models.Unigram(pieces, unk_id=2, byte_fallback=False))
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace()
    tokenizer.decoder = decoders.Metaspace()
    return T5TokenizerFast(tokenizer_object=tokenizer, pad_token="<pad>", eos_token="</s>", unk_token="<unk>", extra_ids=0)


def flux2_klein():
    from diffusers import AutoencoderKLFlux2, FlowMatchEulerDiscreteScheduler, Flux2KleinPipeline, Flux2Transformer2DModel
    from transformers import Qwen3Config, Qwen3ForCausalLM

    torch.manual_seed(0)
    text_config = Qwen3Config(
        hidden_size=16, intermediate_size=32, num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=2, head_dim=8,
        vocab_size=512, max_position_embeddings=1024,
    )
    text_encoder = Qwen3ForCausalLM(text_config)
    transformer = Flux2Transformer2DModel(
        patch_size=1, in_channels=16, num_layers=1, num_single_layers=1, attention_head_dim=16, num_attention_heads=2,
        joint_attention_dim=48, timestep_guidance_channels=256, axes_dims_rope=(4, 4, 4, 4), guidance_embeds=False,
    )
    vae = AutoencoderKLFlux2(
        in_channels=3, out_channels=3, down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4,
        block_out_channels=(8, 8, 8, 8), layers_per_block=1, latent_channels=4, norm_num_groups=4,
        use_quant_conv=False, use_post_quant_conv=False, sample_size=64,
    )
    return Flux2KleinPipeline(
        scheduler=FlowMatchEulerDiscreteScheduler(), vae=vae, text_encoder=text_encoder, tokenizer=qwen_tokenizer(),
        transformer=transformer, is_distilled=True,
    )


def _wan_parts(in_channels: int, image_dim: int | None):
    from diffusers import AutoencoderKLWan, FlowMatchEulerDiscreteScheduler, WanTransformer3DModel
    from transformers import UMT5Config, UMT5EncoderModel

    torch.manual_seed(0)
    vae = AutoencoderKLWan(base_dim=3, z_dim=16, dim_mult=[1, 1, 1, 1], num_res_blocks=1, temperal_downsample=[False, True, True])
    text_encoder = UMT5EncoderModel(
        UMT5Config(vocab_size=128, d_model=32, d_kv=8, d_ff=64, num_layers=1, num_heads=2, relative_attention_num_buckets=8)
    )
    transformer = WanTransformer3DModel(
        patch_size=(1, 2, 2), num_attention_heads=2, attention_head_dim=12, in_channels=in_channels, out_channels=16,
        text_dim=32, freq_dim=256, ffn_dim=32, num_layers=2, cross_attn_norm=True, qk_norm="rms_norm_across_heads",
        rope_max_seq_len=1024, image_dim=image_dim,
    )
    return dict(
        vae=vae, text_encoder=text_encoder, tokenizer=t5_tokenizer(), transformer=transformer,
        scheduler=FlowMatchEulerDiscreteScheduler(shift=3.0),
    )


def wan_t2v():
    from diffusers import WanPipeline

    return WanPipeline(**_wan_parts(in_channels=16, image_dim=None))


def wan_i2v():
    from diffusers import WanImageToVideoPipeline
    from transformers import CLIPImageProcessor, CLIPVisionConfig, CLIPVisionModel

    torch.manual_seed(0)
    image_encoder = CLIPVisionModel(
        CLIPVisionConfig(hidden_size=8, projection_dim=8, num_hidden_layers=2, num_attention_heads=2, image_size=32,
                         intermediate_size=16, patch_size=4)
    )
    return WanImageToVideoPipeline(
        **_wan_parts(in_channels=36, image_dim=8), image_encoder=image_encoder,
        image_processor=CLIPImageProcessor(crop_size=32, size={"shortest_edge": 32}),
    )


def ace_step():
    from diffusers import AceStepPipeline, AutoencoderOobleck, FlowMatchEulerDiscreteScheduler
    from diffusers.models.transformers.ace_step_transformer import AceStepTransformer1DModel
    from diffusers.pipelines.ace_step import AceStepConditionEncoder
    from transformers import Qwen3Config, Qwen3Model

    torch.manual_seed(0)
    shared = dict(num_attention_heads=4, num_key_value_heads=2, head_dim=8, rope_theta=10000.0, sliding_window=16)
    transformer = AceStepTransformer1DModel(
        hidden_size=32, intermediate_size=64, num_hidden_layers=2, in_channels=24, audio_acoustic_hidden_dim=8, patch_size=2,
        is_turbo=True, model_version="turbo", **shared,
    )
    text_encoder = Qwen3Model(
        Qwen3Config(hidden_size=32, intermediate_size=64, num_hidden_layers=2, vocab_size=512, max_position_embeddings=4096,
                    **{k: v for k, v in shared.items() if k != "sliding_window"})
    )
    condition_encoder = AceStepConditionEncoder(
        hidden_size=32, intermediate_size=64, text_hidden_dim=32, timbre_hidden_dim=8, num_lyric_encoder_hidden_layers=1,
        num_timbre_encoder_hidden_layers=1, **shared,
    )
    # 48 kHz stereo and 1920 samples per latent frame (25 Hz), as the real ACE-Step 1.5 VAE; the encoder gives
    # a mean and a scale per latent channel, so its width is twice the latent width.
    vae = AutoencoderOobleck(
        encoder_hidden_size=16, downsampling_ratios=[8, 8, 30], channel_multiples=[1, 1, 1], decoder_channels=4,
        decoder_input_channels=8, audio_channels=2, sampling_rate=48000,
    )
    return AceStepPipeline(
        vae=vae, text_encoder=text_encoder, tokenizer=qwen_tokenizer(), transformer=transformer,
        condition_encoder=condition_encoder, scheduler=FlowMatchEulerDiscreteScheduler(num_train_timesteps=1, shift=1.0),
    )


BUILDERS = {"image": flux2_klein, "music": ace_step, "video": wan_t2v, "image_to_video": wan_i2v}


def write_all(folder: Path, families=None) -> dict[str, Path]:
    """Writes each tiny model (all families by default) under `folder`, skipping those already there."""
    written = {}
    for family in families or BUILDERS:
        target = folder / NAMES[family]
        if not (target / "model_index.json").exists():
            BUILDERS[family]().save_pretrained(target)
        written[family] = target
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m timmy_worker.tiny FOLDER")
    for family, path in write_all(Path(sys.argv[1])).items():
        print(f"{family}\t{path}")
