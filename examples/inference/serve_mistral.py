"""Minimal HTTP inference server for Mistral-7B-Instruct (fp16, one request at a time).
Completions are capped at 256 new tokens per request.

    uvicorn serve_mistral:app --host 0.0.0.0 --port 8000
    curl -s localhost:8000/generate -H 'content-type: application/json' \
         -d '{"prompt": "Explain LoRA in two sentences."}'
"""
import logging
import os
import time
from threading import Lock
from typing import Optional

import torch
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_ID = "mistralai/Mistral-7B-Instruct-v0.2"

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
logger = logging.getLogger("serve")

device = "cuda" if torch.cuda.is_available() else "cpu"
logger.info("loading %s on %s", MODEL_ID, device)
tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
model = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-7B-Instruct-v0.2", torch_dtype=torch.float16,
                                             device_map="auto")
model.eval()
_generate_lock = Lock()  # one request at a time on the GPU

app = FastAPI(title="mistral-7b-instruct")


class GenerateRequest(BaseModel):
    prompt: str
    system: Optional[str] = None
    temperature: float = Field(default=0.7, ge=0.0, le=2.0)
    top_p: float = Field(default=0.95, gt=0.0, le=1.0)


class GenerateResponse(BaseModel):
    text: str
    prompt_tokens: int
    completion_tokens: int
    latency_s: float


@app.get("/health")
def health():
    return {"status": "ok", "model": MODEL_ID, "device": device}


@app.post("/generate", response_model=GenerateResponse)
def generate(req: GenerateRequest):
    content = req.prompt if req.system is None else f"{req.system}\n\n{req.prompt}"
    messages = [{"role": "user", "content": content}]
    input_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
    input_ids = input_ids.to(model.device)
    if input_ids.shape[-1] > 28_000:
        raise HTTPException(status_code=413, detail="prompt too long")

    start = time.perf_counter()
    with _generate_lock, torch.inference_mode():
        output = model.generate(
            input_ids,
            max_new_tokens=256,
            do_sample=req.temperature > 0,
            temperature=req.temperature if req.temperature > 0 else None,
            top_p=req.top_p,
            pad_token_id=tokenizer.eos_token_id,
        )
    latency = time.perf_counter() - start

    new_tokens = output[0, input_ids.shape[-1]:]
    text = tokenizer.decode(new_tokens, skip_special_tokens=True)
    logger.info("generated %d tokens in %.2fs", new_tokens.numel(), latency)
    return GenerateResponse(
        text=text.strip(),
        prompt_tokens=int(input_ids.shape[-1]),
        completion_tokens=int(new_tokens.numel()),
        latency_s=round(latency, 3),
    )


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=int(os.environ.get("PORT", 8000)))
