/**
 * How a DeepSpeed config's `"bf16": {"enabled": "auto"}` is read, and the launch fact that settles it. With the
 * Hugging Face integration, `auto` takes the value of the TrainingArguments switch of the same name
 * (huggingface.co/docs/transformers/main/en/deepspeed, "auto" values: "bf16.enabled ... set from args.bf16").
 * So a launch that states `--bf16 False` (and no other switch on) runs in fp32 whatever `auto` would pick on its own.
 */
export const AUTO_PRECISION_DETAIL = ': auto, assumed on (a GPU that supports it)';
export const SWITCHES_OFF_DETAIL = ': mixed precision switched off on the command line';
/**
 * A loader's `torch_dtype="auto"`: the checkpoint's saved dtype, which the code does not name (read as bf16, low
 * confidence). It yields to any other precision the run states (factsToSpec pickPrecision).
 */
export const CHECKPOINT_DTYPE_DETAIL = ": the checkpoint's saved dtype, not named in the code (assumed bf16)";
