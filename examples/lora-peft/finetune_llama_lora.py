#!/usr/bin/env python
"""QLoRA instruction-tuning of Llama-2-7B on the OpenAssistant Guanaco subset.

The base model is loaded in 4-bit NF4, only the LoRA adapters are trained.
Fits on a single 24 GB GPU.
"""
import argparse
import logging
import os

import torch
from datasets import load_dataset
from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig
from trl import SFTConfig, SFTTrainer

logging.basicConfig(level=logging.INFO, format="[%(asctime)s] %(levelname)s: %(message)s")
log = logging.getLogger("qlora")

BASE_MODEL = "meta-llama/Llama-2-7b-hf"
DATASET = "timdettmers/openassistant-guanaco"


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument("--output_dir", default="checkpoints/llama2-7b-guanaco-qlora")
    p.add_argument("--learning_rate", type=float, default=2e-4)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--merge_and_save", action="store_true",
                   help="merge adapters into the fp16 base model after training")
    return p.parse_args()


def print_trainable_parameters(model):
    trainable, total = 0, 0
    for _, param in model.named_parameters():
        total += param.numel()
        if param.requires_grad:
            trainable += param.numel()
    log.info("trainable params: %d || all params: %d || trainable%%: %.4f",
             trainable, total, 100 * trainable / total)


def main():
    args = get_args()

    bnb_config = BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_use_double_quant=True,
        bnb_4bit_compute_dtype=torch.bfloat16,
    )

    tokenizer = AutoTokenizer.from_pretrained(BASE_MODEL, use_fast=True)
    tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "right"

    model = AutoModelForCausalLM.from_pretrained(
        BASE_MODEL,
        quantization_config=bnb_config,
        device_map={"": 0},
        torch_dtype=torch.bfloat16,
    )
    model.config.use_cache = False
    model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=True)

    lora_config = LoraConfig(
        r=16,
        lora_alpha=32,
        lora_dropout=0.05,
        bias="none",
        task_type="CAUSAL_LM",
        target_modules=["q_proj", "k_proj", "v_proj", "o_proj",
                        "gate_proj", "up_proj", "down_proj"],
    )
    model = get_peft_model(model, lora_config)
    print_trainable_parameters(model)

    dataset = load_dataset(DATASET)
    log.info("train examples: %d, test examples: %d",
             len(dataset["train"]), len(dataset["test"]))

    sft_config = SFTConfig(
        output_dir=args.output_dir,
        num_train_epochs=1,
        per_device_train_batch_size=4,
        gradient_accumulation_steps=4,
        max_seq_length=2048,
        dataset_text_field="text",
        packing=False,
        bf16=True,
        gradient_checkpointing=True,
        optim="paged_adamw_32bit",
        learning_rate=args.learning_rate,
        lr_scheduler_type="constant",
        warmup_ratio=0.03,
        max_grad_norm=0.3,
        logging_steps=10,
        save_steps=200,
        eval_strategy="steps",
        eval_steps=200,
        report_to="wandb",
        seed=args.seed,
    )

    trainer = SFTTrainer(
        model=model,
        args=sft_config,
        train_dataset=dataset["train"],
        eval_dataset=dataset["test"],
        processing_class=tokenizer,
    )

    trainer.train()
    trainer.model.save_pretrained(os.path.join(args.output_dir, "adapter"))
    tokenizer.save_pretrained(os.path.join(args.output_dir, "adapter"))
    log.info("eval: %s", trainer.evaluate())

    if args.merge_and_save:
        from peft import PeftModel

        del model, trainer
        torch.cuda.empty_cache()
        base = AutoModelForCausalLM.from_pretrained(BASE_MODEL, torch_dtype=torch.float16)
        merged = PeftModel.from_pretrained(base, os.path.join(args.output_dir, "adapter"))
        merged = merged.merge_and_unload()
        merged.save_pretrained(os.path.join(args.output_dir, "merged"), safe_serialization=True)
        log.info("merged model written to %s", os.path.join(args.output_dir, "merged"))


if __name__ == "__main__":
    main()
