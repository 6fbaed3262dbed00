"""Train ResNet-50 from scratch with PyTorch Lightning (ImageNet-style folder data).

Expects DATA_ROOT/train/<class>/*.JPEG and DATA_ROOT/val/<class>/*.JPEG.
Classic 90-epoch recipe: SGD momentum 0.9, lr 0.1 * (global_batch / 256), step decay.
"""
import argparse
import os

import lightning as L
import torch
import torch.nn.functional as F
import torchvision
from lightning.pytorch.callbacks import LearningRateMonitor, ModelCheckpoint
from lightning.pytorch.loggers import TensorBoardLogger
from torch.utils.data import DataLoader
from torchmetrics.classification import MulticlassAccuracy
from torchvision import transforms
from torchvision.datasets import ImageFolder

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)


class ImageNetModule(L.LightningModule):
    def __init__(self, num_classes: int = 1000, lr: float = 0.1, momentum: float = 0.9,
                 weight_decay: float = 1e-4):
        super().__init__()
        self.save_hyperparameters()
        self.model = torchvision.models.resnet50(weights=None, num_classes=num_classes)
        self.top1 = MulticlassAccuracy(num_classes=num_classes, top_k=1)
        self.top5 = MulticlassAccuracy(num_classes=num_classes, top_k=5)

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        images, targets = batch
        logits = self(images)
        loss = F.cross_entropy(logits, targets)
        self.log("train/loss", loss, on_step=True, on_epoch=True, prog_bar=True, sync_dist=True)
        return loss

    def validation_step(self, batch, batch_idx):
        images, targets = batch
        logits = self(images)
        loss = F.cross_entropy(logits, targets)
        self.top1(logits, targets)
        self.top5(logits, targets)
        self.log("val/loss", loss, sync_dist=True)
        self.log("val/acc1", self.top1, prog_bar=True)
        self.log("val/acc5", self.top5)

    def configure_optimizers(self):
        optimizer = torch.optim.SGD(
            self.parameters(),
            lr=self.hparams.lr,
            momentum=self.hparams.momentum,
            weight_decay=self.hparams.weight_decay,
        )
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)
        return {"optimizer": optimizer, "lr_scheduler": {"scheduler": scheduler, "interval": "epoch"}}


class ImageFolderDataModule(L.LightningDataModule):
    def __init__(self, data_root: str, batch_size: int = 64, num_workers: int = 8):
        super().__init__()
        self.data_root = data_root
        self.batch_size = batch_size
        self.num_workers = num_workers

    def setup(self, stage=None):
        train_tf = transforms.Compose([
            transforms.RandomResizedCrop(224),
            transforms.RandomHorizontalFlip(),
            transforms.ToTensor(),
            transforms.Normalize(MEAN, STD),
        ])
        val_tf = transforms.Compose([
            transforms.Resize(256),
            transforms.CenterCrop(224),
            transforms.ToTensor(),
            transforms.Normalize(MEAN, STD),
        ])
        self.train_set = ImageFolder(os.path.join(self.data_root, "train"), train_tf)
        self.val_set = ImageFolder(os.path.join(self.data_root, "val"), val_tf)

    def train_dataloader(self):
        return DataLoader(self.train_set, batch_size=self.batch_size, shuffle=True,
                          num_workers=self.num_workers, pin_memory=True, persistent_workers=True)

    def val_dataloader(self):
        return DataLoader(self.val_set, batch_size=self.batch_size, shuffle=False,
                          num_workers=self.num_workers, pin_memory=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_root", default="/datasets/imagenet")
    parser.add_argument("--batch_size", type=int, default=64, help="per-GPU batch size")
    parser.add_argument("--num_workers", type=int, default=8)
    parser.add_argument("--resume", default=None)
    args = parser.parse_args()

    L.seed_everything(42, workers=True)

    # 4 GPUs x 64 = global batch 256 -> lr 0.1
    model = ImageNetModule(num_classes=1000, lr=0.1)
    datamodule = ImageFolderDataModule(args.data_root, args.batch_size, args.num_workers)

    trainer = L.Trainer(
        max_epochs=90,
        accelerator="gpu",
        devices=4,
        num_nodes=1,
        precision="32",
        strategy="ddp",
        sync_batchnorm=True,
        logger=TensorBoardLogger("lightning_logs", name="resnet50-scratch"),
        callbacks=[
            ModelCheckpoint(monitor="val/acc1", mode="max", save_top_k=2, save_last=True),
            LearningRateMonitor(logging_interval="epoch"),
        ],
        log_every_n_steps=100,
    )
    trainer.fit(model, datamodule=datamodule, ckpt_path=args.resume)
    trainer.validate(model, datamodule=datamodule)


if __name__ == "__main__":
    main()
