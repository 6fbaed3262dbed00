/**
 * A program whose only network is an autoencoder (a VAE reconstruction or encoding script: `vae = load(...)`,
 * `vae = vae.half()`, then encode and decode): casting the autoencoder casts the run's model. Beside a denoiser, a
 * pipeline or a language model the autoencoder is a part a program casts on its own (a frozen VAE kept in fp32 or
 * bf16 while the model trains in another type), so there the cast says nothing of the run: any other network name the
 * file assigns rules this reading out.
 */

/** The handle names an autoencoder goes by (`x_vae`, an input tensor named after it, is not one). */
const AUTOENCODER_HANDLE = /^(?:vae|ae|autoencoder|video_vae|image_vae|causal_vae)$/i;
/** Names of the other networks a program may hold beside an autoencoder. */
const OTHER_NETWORK =
  /^(?:model|net|network|module|unet|transformer|dit|denoiser|pipe|pipeline|text_encoder|llm|vlm|\w{1,40}_(?:model|pipeline|transformer|unet|net))$/i;
/** `name = ...` / `name: T = ...` at the start of a line (not `==`). */
const ASSIGNED_NAME = /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*(?::[^=\n]{0,120})?=(?!=)/gm;
/** Assignments looked at per file. */
const MAX_ASSIGNMENTS = 5_000;

export function isSoleAutoencoder(name: string, text: string): boolean {
  if (!AUTOENCODER_HANDLE.test(name)) return false;
  let seen = 0;
  for (const m of text.matchAll(ASSIGNED_NAME)) {
    if (++seen > MAX_ASSIGNMENTS) return false;
    if (OTHER_NETWORK.test(m[1])) return false;
  }
  return true;
}
