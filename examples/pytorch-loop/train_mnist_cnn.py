"""Small CNN on MNIST with a hand-written PyTorch training loop."""
import argparse
import logging
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

logger = logging.getLogger("mnist")


class ConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.drop1 = nn.Dropout(0.25)
        self.drop2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2)
        x = self.drop1(torch.flatten(x, 1))
        x = self.drop2(F.relu(self.fc1(x)))
        return F.log_softmax(self.fc2(x), dim=1)


def train_one_epoch(model, device, loader, optimizer, epoch, log_interval):
    model.train()
    running = 0.0
    for step, (images, labels) in enumerate(loader):
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = F.nll_loss(model(images), labels)
        loss.backward()
        optimizer.step()
        running += loss.item()
        if step % log_interval == 0:
            logger.info("epoch %d [%5d/%d] loss=%.4f",
                        epoch, step * len(images), len(loader.dataset), loss.item())
    return running / len(loader)


@torch.no_grad()
def evaluate(model, device, loader):
    model.eval()
    total_loss, correct = 0.0, 0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        out = model(images)
        total_loss += F.nll_loss(out, labels, reduction="sum").item()
        correct += (out.argmax(dim=1) == labels).sum().item()
    n = len(loader.dataset)
    return total_loss / n, correct / n


def main():
    parser = argparse.ArgumentParser(description="MNIST ConvNet")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--test-batch-size", type=int, default=1000)
    parser.add_argument("--epochs", type=int, default=14)
    parser.add_argument("--lr", type=float, default=1.0)
    parser.add_argument("--gamma", type=float, default=0.7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--log-interval", type=int, default=100)
    parser.add_argument("--data-dir", default="./data")
    parser.add_argument("--save-model", action="store_true")
    args = parser.parse_args()

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    logger.info("using device %s", device)

    tf = transforms.Compose([
        transforms.ToTensor(),
        transforms.Normalize((0.1307,), (0.3081,)),
    ])
    train_set = datasets.MNIST(args.data_dir, train=True, download=True, transform=tf)
    test_set = datasets.MNIST(args.data_dir, train=False, transform=tf)
    loader_kw = {"num_workers": 2, "pin_memory": True} if device.type == "cuda" else {}
    train_loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True, **loader_kw)
    test_loader = DataLoader(test_set, batch_size=args.test_batch_size, **loader_kw)

    # A convolution's cost grows with its input, which the code does not state: one 28x28 image
    # through ConvNet is 0.19M (conv1) + 10.6M (conv2) + 1.18M (fc1) + 0.001M (fc2) multiply-adds
    # = 12.0M, 2 FLOPs each.
    # green-ai: forward_flops=2.4e7
    model = ConvNet().to(device)
    optimizer = optim.Adadelta(model.parameters(), lr=args.lr)
    scheduler = StepLR(optimizer, step_size=1, gamma=args.gamma)

    best_acc = 0.0
    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        train_loss = train_one_epoch(model, device, train_loader, optimizer, epoch, args.log_interval)
        test_loss, acc = evaluate(model, device, test_loader)
        scheduler.step()
        logger.info("epoch %d done in %.1fs | train_loss=%.4f test_loss=%.4f acc=%.2f%%",
                    epoch, time.time() - t0, train_loss, test_loss, 100 * acc)
        if args.save_model and acc > best_acc:
            best_acc = acc
            torch.save(model.state_dict(), "mnist_cnn.pt")


if __name__ == "__main__":
    main()
