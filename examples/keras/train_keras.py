"""Transfer learning with EfficientNetB0 (ImageNet weights) on tf_flowers.

Stage 1 trains only the new classification head on top of a frozen backbone.
Pass --fine_tune_epochs N to additionally unfreeze the top of the backbone.
"""
import argparse
import logging
import os

import keras
import tensorflow as tf
import tensorflow_datasets as tfds
from keras import layers

IMG_SIZE = 224
AUTOTUNE = tf.data.AUTOTUNE

log = logging.getLogger(__name__)


def build_datasets(batch_size):
    (train_ds, val_ds), info = tfds.load(
        "tf_flowers",
        split=["train[:85%]", "train[85%:]"],
        as_supervised=True,
        with_info=True,
    )
    num_classes = info.features["label"].num_classes

    def resize(image, label):
        return tf.image.resize(image, (IMG_SIZE, IMG_SIZE)), tf.one_hot(label, num_classes)

    train_ds = (train_ds.map(resize, num_parallel_calls=AUTOTUNE)
                .shuffle(1000).batch(batch_size, drop_remainder=True).prefetch(AUTOTUNE))
    val_ds = val_ds.map(resize, num_parallel_calls=AUTOTUNE).batch(batch_size).prefetch(AUTOTUNE)
    return train_ds, val_ds, num_classes


def build_model(num_classes, dropout=0.2):
    augment = keras.Sequential(
        [
            layers.RandomRotation(factor=0.15),
            layers.RandomTranslation(height_factor=0.1, width_factor=0.1),
            layers.RandomFlip(),
            layers.RandomContrast(factor=0.1),
        ],
        name="augmentation",
    )
    inputs = keras.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
    x = augment(inputs)
    base_model = keras.applications.EfficientNetB0(weights="imagenet", include_top=False, input_tensor=x)
    base_model.trainable = False

    x = layers.GlobalAveragePooling2D(name="avg_pool")(base_model.output)
    x = layers.BatchNormalization()(x)
    x = layers.Dropout(dropout, name="top_dropout")(x)
    # keep the softmax in float32 under the mixed_float16 policy
    outputs = layers.Dense(num_classes, activation="softmax", dtype="float32", name="pred")(x)
    return keras.Model(inputs, outputs, name="EfficientNetB0_flowers"), base_model


def unfreeze_top(model, n_layers=20):
    # Leave BatchNorm frozen: updating its statistics on a small dataset hurts accuracy.
    for layer in model.layers[-n_layers:]:
        if not isinstance(layer, layers.BatchNormalization):
            layer.trainable = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch_size", type=int, default=64)
    parser.add_argument("--fine_tune_epochs", type=int, default=0)
    parser.add_argument("--out", default="artifacts/effnetb0_flowers.keras")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    log.info("GPUs: %s", tf.config.list_physical_devices("GPU"))
    keras.mixed_precision.set_global_policy("mixed_float16")

    train_ds, val_ds, num_classes = build_datasets(args.batch_size)
    model, _ = build_model(num_classes)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-2),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    model.summary()

    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=5, restore_best_weights=True),
        keras.callbacks.TensorBoard(log_dir="logs/effnetb0"),
    ]
    history = model.fit(train_ds, epochs=20, validation_data=val_ds, callbacks=callbacks)
    log.info("head-only best val_accuracy: %.4f", max(history.history["val_accuracy"]))

    if args.fine_tune_epochs > 0:
        unfreeze_top(model)
        model.compile(
            optimizer=keras.optimizers.Adam(learning_rate=1e-5),
            loss="categorical_crossentropy",
            metrics=["accuracy"],
        )
        model.fit(train_ds, epochs=args.fine_tune_epochs, validation_data=val_ds, callbacks=callbacks)

    loss, acc = model.evaluate(val_ds)
    log.info("final val loss=%.4f acc=%.4f", loss, acc)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    model.save(args.out)


if __name__ == "__main__":
    main()
