"""Decoder-only transformer pre-training from scratch on a pre-tokenized corpus.
Single GPU:   python train_gpt.py config/train_gpt2_124m.py
Multi GPU:    torchrun --standalone --nproc_per_node=8 train_gpt.py config/train_gpt2_124m.py
"""
import math
import os
import runpy
import sys
import time
from contextlib import nullcontext
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributed import destroy_process_group, init_process_group
from torch.nn.parallel import DistributedDataParallel as DDP

# ---- defaults; override with a config/*.py file and/or --key=value ----
out_dir = 'out'
dataset = 'openwebtext'
n_layer = 12
n_head = 12
n_embd = 768
block_size = 1024
vocab_size = 50304
dropout = 0.0
bias = False
batch_size = 12
gradient_accumulation_steps = 40
learning_rate = 6e-4
min_lr = 6e-5
max_iters = 600000
lr_decay_iters = 600000
warmup_iters = 2000
weight_decay = 0.1
beta1, beta2 = 0.9, 0.95
grad_clip = 1.0
eval_interval = 1000
eval_iters = 200
log_interval = 10
dtype = 'bfloat16'
compile = True
_settings = [k for k, v in list(globals().items()) if not k.startswith('_') and isinstance(v, (int, float, bool, str))]
for _arg in sys.argv[1:]:
    if _arg.endswith('.py'):
        globals().update({k: v for k, v in runpy.run_path(_arg).items() if k in _settings})
    elif _arg.startswith('--') and '=' in _arg:
        _k, _v = _arg[2:].split('=', 1)
        globals()[_k] = type(globals()[_k])(_v) if not isinstance(globals()[_k], bool) else _v == 'True'


@dataclass
class GPTConfig:
    block_size: int = 1024
    vocab_size: int = 50304  # padded vocab
    n_layer: int = 12
    n_head: int = 12
    n_embd: int = 768
    dropout: float = 0.0
    bias: bool = False


class Block(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.n_head = cfg.n_head
        self.ln1 = nn.LayerNorm(cfg.n_embd, bias=cfg.bias)
        self.qkv = nn.Linear(cfg.n_embd, 3 * cfg.n_embd, bias=cfg.bias)
        self.proj = nn.Linear(cfg.n_embd, cfg.n_embd, bias=cfg.bias)
        self.ln2 = nn.LayerNorm(cfg.n_embd, bias=cfg.bias)
        self.mlp = nn.Sequential(
            nn.Linear(cfg.n_embd, 4 * cfg.n_embd, bias=cfg.bias),
            nn.GELU(approximate='tanh'),
            nn.Linear(4 * cfg.n_embd, cfg.n_embd, bias=cfg.bias),
            nn.Dropout(cfg.dropout),
        )
        self.p_drop = cfg.dropout

    def forward(self, x):  # x: (batch, time, channels)
        B, T, C = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(C, dim=2)
        q, k, v = (t.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) for t in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True,
                                           dropout_p=self.p_drop if self.training else 0.0)
        x = x + self.proj(y.transpose(1, 2).reshape(B, T, C))
        return x + self.mlp(self.ln2(x))


class GPT(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.tok_emb = nn.Embedding(cfg.vocab_size, cfg.n_embd)
        self.pos_emb = nn.Embedding(cfg.block_size, cfg.n_embd)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layer))
        self.ln_f = nn.LayerNorm(cfg.n_embd, bias=cfg.bias)
        self.head = nn.Linear(cfg.n_embd, cfg.vocab_size, bias=False)
        self.head.weight = self.tok_emb.weight  # weight tying
        self.apply(lambda m: nn.init.normal_(m.weight, 0.0, 0.02) if isinstance(m, (nn.Linear, nn.Embedding)) else None)

    def forward(self, idx, targets=None):
        pos = torch.arange(idx.size(1), device=idx.device)
        x = self.tok_emb(idx) + self.pos_emb(pos)
        for blk in self.blocks:
            x = blk(x)
        logits = self.head(self.ln_f(x))
        loss = None if targets is None else F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))
        return logits, loss


# ---- distributed setup ----
ddp = 'RANK' in os.environ
if ddp:
    init_process_group(backend='nccl')
    rank, local_rank, world = int(os.environ['RANK']), int(os.environ['LOCAL_RANK']), int(os.environ['WORLD_SIZE'])
    device = f'cuda:{local_rank}'
    torch.cuda.set_device(device)
    assert gradient_accumulation_steps % world == 0
    gradient_accumulation_steps //= world
else:
    rank, world, device = 0, 1, 'cuda' if torch.cuda.is_available() else 'cpu'
is_master = rank == 0
torch.manual_seed(1337 + rank)
torch.backends.cuda.matmul.allow_tf32 = True
os.makedirs(out_dir, exist_ok=True)
ptdtype = {'float32': torch.float32, 'bfloat16': torch.bfloat16, 'float16': torch.float16}[dtype]
amp = nullcontext() if 'cuda' not in device else torch.autocast(device_type='cuda', dtype=ptdtype)


def get_batch(split):
    data = np.memmap(os.path.join('data', dataset, f'{split}.bin'), dtype=np.uint16, mode='r')
    starts = torch.randint(len(data) - block_size, (batch_size,))
    x = torch.stack([torch.from_numpy(data[s:s + block_size].astype(np.int64)) for s in starts])
    y = torch.stack([torch.from_numpy(data[s + 1:s + 1 + block_size].astype(np.int64)) for s in starts])
    return x.pin_memory().to(device, non_blocking=True), y.pin_memory().to(device, non_blocking=True)


def lr_at(it):
    if it < warmup_iters:
        return learning_rate * (it + 1) / warmup_iters
    frac = min(1.0, (it - warmup_iters) / max(1, lr_decay_iters - warmup_iters))
    return min_lr + 0.5 * (1.0 + math.cos(math.pi * frac)) * (learning_rate - min_lr)


model_cfg = GPTConfig(block_size=block_size, vocab_size=vocab_size, n_layer=n_layer,
                      n_head=n_head, n_embd=n_embd, dropout=dropout, bias=bias)
model = raw_model = GPT(model_cfg).to(device)
optimizer = torch.optim.AdamW([{'params': [p for p in model.parameters() if p.dim() >= 2], 'weight_decay': weight_decay},
                               {'params': [p for p in model.parameters() if p.dim() < 2], 'weight_decay': 0.0}],
                              lr=learning_rate, betas=(beta1, beta2), fused='cuda' in device)
if compile:
    model = torch.compile(model)
if ddp:
    model = DDP(model, device_ids=[local_rank])


@torch.no_grad()
def estimate_loss():
    model.eval()
    out = {}
    for split in ('train', 'val'):
        losses = torch.zeros(eval_iters)
        for i in range(eval_iters):
            with amp:
                losses[i] = model(*get_batch(split))[1].item()
        out[split] = losses.mean().item()
    model.train()
    return out


best_val, t0 = float('inf'), time.time()
X, Y = get_batch('train')
for it in range(max_iters + 1):
    for g in optimizer.param_groups:
        g['lr'] = lr_at(it)
    if it % eval_interval == 0 and is_master:
        losses = estimate_loss()
        print(f"iter {it}: train {losses['train']:.4f} val {losses['val']:.4f}")
        if losses['val'] < best_val and it > 0:
            best_val = losses['val']
            torch.save({'model': raw_model.state_dict(), 'optimizer': optimizer.state_dict(),
                        'config': model_cfg.__dict__, 'iter': it}, os.path.join(out_dir, 'ckpt.pt'))
    for micro in range(gradient_accumulation_steps):
        if ddp:
            model.require_backward_grad_sync = micro == gradient_accumulation_steps - 1
        with amp:
            _, loss = model(X, Y)
            loss = loss / gradient_accumulation_steps
        X, Y = get_batch('train')
        loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    if it % log_interval == 0 and is_master:
        dt, t0 = time.time() - t0, time.time()
        print(f"iter {it}: loss {loss.item() * gradient_accumulation_steps:.4f}, {dt * 1000:.0f}ms")

if ddp:
    destroy_process_group()
