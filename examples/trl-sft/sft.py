"""Supervised fine-tuning with TRL, the shape of TRL's own `sft.py` script.

The model is a required command-line argument with no default, so the file cannot say how large it
is: Green AI shows "needs the model size" instead of a made-up figure. A directive comment naming
the model (see the README's "Directive comments") or a default for the field makes it estimable.

    accelerate launch trl-sft/sft.py --model_name_or_path Qwen/Qwen2.5-1.5B --dataset_name trl-lib/Capybara
"""
from dataclasses import dataclass, field

from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, HfArgumentParser
from trl import SFTConfig, SFTTrainer


@dataclass
class ScriptArguments:
    model_name_or_path: str = field(metadata={"help": "Hub id or local path of the model to fine-tune"})
    dataset_name: str = field(default="trl-lib/Capybara")


def main():
    parser = HfArgumentParser((ScriptArguments, SFTConfig))
    script_args, training_args = parser.parse_args_into_dataclasses()
    model = AutoModelForCausalLM.from_pretrained(script_args.model_name_or_path, torch_dtype="auto")
    tokenizer = AutoTokenizer.from_pretrained(script_args.model_name_or_path)
    dataset = load_dataset(script_args.dataset_name, split="train")
    trainer = SFTTrainer(model=model, args=training_args, train_dataset=dataset, processing_class=tokenizer)
    trainer.train()
    trainer.save_model(training_args.output_dir)


if __name__ == "__main__":
    main()
