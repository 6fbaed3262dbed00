"""Smoke test: one optimizer step of the classifier recipe on a tiny random model.

Tests are not runs: Green AI leaves test files and folders out of the Workspace Report.
"""
import pytest
from transformers import AutoConfig, AutoModelForSequenceClassification, Trainer, TrainingArguments


@pytest.fixture
def tiny_model():
    config = AutoConfig.from_pretrained("bert-base-uncased", num_hidden_layers=1, hidden_size=32, num_attention_heads=2, intermediate_size=64)
    return AutoModelForSequenceClassification.from_config(config)


def test_one_step(tiny_model, tmp_path, tiny_dataset):
    args = TrainingArguments(output_dir=str(tmp_path), max_steps=1, per_device_train_batch_size=2, report_to=[])
    trainer = Trainer(model=tiny_model, args=args, train_dataset=tiny_dataset)
    result = trainer.train()
    assert result.global_step == 1
