#!/usr/bin/env python
"""Abstractive summarization: fine-tune t5-small on CNN/DailyMail.

All knobs live in the TrainingConfig dataclass below; override any of them on
the command line, e.g. `python run_summarization.py --num_train_epochs 1`.
"""
import logging
import sys
from dataclasses import dataclass, field
from typing import Optional

import evaluate
import nltk
import numpy as np
from datasets import load_dataset
from transformers import (
    AutoModelForSeq2SeqLM,
    AutoTokenizer,
    DataCollatorForSeq2Seq,
    HfArgumentParser,
    Seq2SeqTrainer,
    Seq2SeqTrainingArguments,
)

logger = logging.getLogger(__name__)


@dataclass
class TrainingConfig:
    model_name_or_path: str = field(
        default="t5-small",
        metadata={"help": "Checkpoint to start from (hub id or local path)."},
    )
    dataset_name: str = field(default="cnn_dailymail")
    dataset_config: str = field(default="3.0.0")
    output_dir: str = field(default="runs/t5-small-cnndm")
    source_prefix: str = field(default="summarize: ")
    max_source_length: int = field(default=512)
    max_target_length: int = field(default=128)
    num_train_epochs: float = field(default=3.0)
    per_device_train_batch_size: int = field(default=16)
    per_device_eval_batch_size: int = field(default=16)
    gradient_accumulation_steps: int = field(default=2)
    learning_rate: float = field(default=5e-4)
    # T5 is known to overflow in fp16, so we stay in fp32 unless bf16 is available.
    fp16: bool = field(default=False)
    bf16: bool = field(default=False)
    max_eval_samples: Optional[int] = field(default=2000)
    num_beams: int = field(default=4)
    seed: int = field(default=42)


def postprocess_text(preds, labels):
    preds = ["\n".join(nltk.sent_tokenize(p.strip())) for p in preds]
    labels = ["\n".join(nltk.sent_tokenize(l.strip())) for l in labels]
    return preds, labels


def main():
    parser = HfArgumentParser(TrainingConfig)
    if len(sys.argv) == 2 and sys.argv[1].endswith(".json"):
        (cfg,) = parser.parse_json_file(json_file=sys.argv[1])
    else:
        (cfg,) = parser.parse_args_into_dataclasses()

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logger.info("Config: %s", cfg)
    nltk.download("punkt", quiet=True)

    raw = load_dataset(cfg.dataset_name, cfg.dataset_config)
    tokenizer = AutoTokenizer.from_pretrained(cfg.model_name_or_path)
    model = AutoModelForSeq2SeqLM.from_pretrained(cfg.model_name_or_path)

    def preprocess(examples):
        inputs = [cfg.source_prefix + doc for doc in examples["article"]]
        model_inputs = tokenizer(inputs, max_length=cfg.max_source_length, truncation=True)
        labels = tokenizer(
            text_target=examples["highlights"],
            max_length=cfg.max_target_length,
            truncation=True,
        )
        model_inputs["labels"] = labels["input_ids"]
        return model_inputs

    tokenized = raw.map(
        preprocess,
        batched=True,
        num_proc=8,
        remove_columns=raw["train"].column_names,
    )
    eval_ds = tokenized["validation"]
    if cfg.max_eval_samples is not None:
        eval_ds = eval_ds.select(range(min(cfg.max_eval_samples, len(eval_ds))))

    rouge = evaluate.load("rouge")

    def compute_metrics(eval_preds):
        preds, labels = eval_preds
        preds = np.where(preds != -100, preds, tokenizer.pad_token_id)
        labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
        decoded_preds = tokenizer.batch_decode(preds, skip_special_tokens=True)
        decoded_labels = tokenizer.batch_decode(labels, skip_special_tokens=True)
        decoded_preds, decoded_labels = postprocess_text(decoded_preds, decoded_labels)
        result = rouge.compute(predictions=decoded_preds, references=decoded_labels, use_stemmer=True)
        return {k: round(v * 100, 2) for k, v in result.items()}

    args = Seq2SeqTrainingArguments(
        output_dir=cfg.output_dir,
        num_train_epochs=cfg.num_train_epochs,
        per_device_train_batch_size=cfg.per_device_train_batch_size,
        per_device_eval_batch_size=cfg.per_device_eval_batch_size,
        gradient_accumulation_steps=cfg.gradient_accumulation_steps,
        learning_rate=cfg.learning_rate,
        fp16=cfg.fp16,
        bf16=cfg.bf16,
        predict_with_generate=True,
        generation_max_length=cfg.max_target_length,
        generation_num_beams=cfg.num_beams,
        eval_strategy="epoch",
        save_strategy="epoch",
        logging_steps=100,
        save_total_limit=3,
        seed=cfg.seed,
    )

    trainer = Seq2SeqTrainer(
        model=model,
        args=args,
        train_dataset=tokenized["train"],
        eval_dataset=eval_ds,
        tokenizer=tokenizer,
        data_collator=DataCollatorForSeq2Seq(tokenizer, model=model, label_pad_token_id=-100),
        compute_metrics=compute_metrics,
    )

    result = trainer.train()
    trainer.save_model()
    trainer.log_metrics("train", result.metrics)
    trainer.save_metrics("train", result.metrics)

    metrics = trainer.evaluate(metric_key_prefix="eval")
    trainer.log_metrics("eval", metrics)
    trainer.save_metrics("eval", metrics)


if __name__ == "__main__":
    main()
