# GPT-2 small (124M) pre-training on OpenWebText.
# Launch on one node with 8 GPUs:
#   torchrun --standalone --nproc_per_node=8 train_gpt.py config/train_gpt2_124m.py
#
# Tokens per optimizer step:
#   batch_size * block_size * gradient_accumulation_steps = 12 * 1024 * 40 = 491,520
# Total tokens over max_iters = ~295B

run_name = 'gpt2-124m-owt'
out_dir = 'out-gpt2-124m'
dataset = 'openwebtext'
wandb_log = True
wandb_project = 'gpt2-pretrain'

# model
n_layer = 12
n_head = 12
n_embd = 768
block_size = 1024
vocab_size = 50304  # GPT-2's 50257 rounded up to a multiple of 64
dropout = 0.0
bias = False

# batch: micro-batch per GPU, accumulation is split across the 8 ranks
batch_size = 12
gradient_accumulation_steps = 5 * 8

# optimizer / schedule
learning_rate = 6e-4
min_lr = 6e-5
max_iters = 600000
lr_decay_iters = 600000
warmup_iters = 2000
weight_decay = 1e-1
beta1 = 0.9
beta2 = 0.95
grad_clip = 1.0

# eval / checkpointing
eval_interval = 1000
eval_iters = 200
log_interval = 10

# system
dtype = 'bfloat16'
compile = True
