"""Render a product catalogue's hero images with SDXL: one 1024x1024 image per prompt.

    python generate_images.py --out renders/
"""
import argparse
import os

import torch
from diffusers import StableDiffusionXLPipeline

PROMPTS = [
    "a ceramic teapot on a linen tablecloth, soft morning light, studio photo",
    "a pair of trail-running shoes on wet rocks, dramatic side light",
    "a walnut desk lamp in a minimalist study, warm evening light",
    "a stack of hand-bound notebooks, overhead shot, natural colours",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="renders")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    pipe = StableDiffusionXLPipeline.from_pretrained(
        "stabilityai/stable-diffusion-xl-base-1.0", torch_dtype=torch.float16, variant="fp16"
    ).to("cuda")
    for i, prompt in enumerate(PROMPTS):
        image = pipe(prompt, num_inference_steps=40, guidance_scale=7.0).images[0]
        image.save(os.path.join(args.out, f"hero_{i:02d}.png"))


if __name__ == "__main__":
    main()
