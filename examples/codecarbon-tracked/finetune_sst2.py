"""Fine-tune DistilBERT on GLUE SST-2 on one AWS g5.xlarge (A10G), measured with CodeCarbon.

The tracker writes one row per run to emissions.csv next to this script. Green AI
matches the rows to this run through the project name and shows the measurement
next to its estimate (and can calibrate the team's estimates from it).
"""
from codecarbon import EmissionsTracker
from datasets import load_dataset
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    Trainer,
    TrainingArguments,
)

# green-ai: accelerator=A10G count=1 region=us-east-1

MODEL = "distilbert-base-uncased"

tokenizer = AutoTokenizer.from_pretrained(MODEL)
raw = load_dataset("glue", "sst2")
encoded = raw.map(lambda b: tokenizer(b["sentence"], truncation=True, max_length=128), batched=True)

model = AutoModelForSequenceClassification.from_pretrained(MODEL, num_labels=2)

args = TrainingArguments(
    output_dir="out/distilbert-sst2",
    num_train_epochs=3,
    per_device_train_batch_size=64,
    learning_rate=5e-5,
    fp16=True,
    eval_strategy="epoch",
    save_strategy="epoch",
    report_to="none",
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=encoded["train"],
    eval_dataset=encoded["validation"],
    data_collator=DataCollatorWithPadding(tokenizer),
)

tracker = EmissionsTracker(project_name="distilbert-sst2", output_dir=".")
tracker.start()
try:
    trainer.train()
finally:
    tracker.stop()
