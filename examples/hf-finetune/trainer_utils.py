"""Helpers shared by the fine-tuning scripts in this folder.

A library module: it defines how to build and run a Trainer, but running this file launches
nothing, so Green AI does not list it as a run (the scripts that call it are the runs).
"""
from transformers import Trainer, TrainingArguments


def build_training_args(output_dir: str, epochs: float = 3, batch_size: int = 16, fp16: bool = True) -> TrainingArguments:
    return TrainingArguments(
        output_dir=output_dir,
        num_train_epochs=epochs,
        per_device_train_batch_size=batch_size,
        fp16=fp16,
        logging_steps=50,
    )


def train_and_save(model, tokenizer, train_dataset, eval_dataset, output_dir: str) -> dict:
    trainer = Trainer(
        model=model,
        args=build_training_args(output_dir),
        train_dataset=train_dataset,
        eval_dataset=eval_dataset,
        tokenizer=tokenizer,
    )
    result = trainer.train()
    trainer.save_model(output_dir)
    return result.metrics
