#!/usr/bin/env python3
"""Export the original project's best_model.pth as a TorchScript model that socialctx loads.

For users who prefer PyTorch's own tooling to `socialctx import` (which does the same without Python):

    python3 scripts/export_torchscript.py best_model.pth -o original.pt
    socialctx classify --model original.pt recording.wav

The state_dict is loaded with torch.load(weights_only=True), so a tampered file cannot run code. Its tensors
are matched to AudioClassifierCNN by name when the names agree, otherwise by layer kind, order and shape (the
original notebook's attribute names are not known). The model is scripted with torch.jit.script and saved with
the preprocessing config socialctx needs as the extra file "socialctx.json" (the fields of
src/core/model/model_config.cpp: ModelConfig::to_json).
Needs PyTorch 1.13 or newer.
"""
import argparse
import collections
import json
import sys

import torch
import torch.nn as nn

CLASS_NAMES = ["Alone / Quiet", "Speech / Monologue", "One-on-One Conversation", "Group Discussion",
               "Noisy Environment"]
N_MELS, FRAMES = 128, 188  # 3 s at 16 kHz, hop 256: 1 + 48000 // 256 frames


class AudioClassifierCNN(nn.Module):
    """The original architecture (README: Model Architecture): three conv blocks, then two linear layers."""

    def __init__(self, num_classes=5):
        super().__init__()
        self.conv_layers = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, kernel_size=3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, kernel_size=3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        )
        # 128 x 188 -> 64 x 94 -> 32 x 47 -> 16 x 23 after the three poolings: 64 * 16 * 23 = 23552
        self.fc_layers = nn.Sequential(
            nn.Flatten(), nn.Linear(64 * 16 * 23, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, num_classes),
        )

    def forward(self, x):
        return self.fc_layers(self.conv_layers(x))


def model_config(name, version, db_ref):
    """The config socialctx embeds in every model (ModelConfig::to_json), for the original's preprocessing."""
    return collections.OrderedDict([
        ("format", "socialctx-model/1"),
        ("name", name),
        ("version", version),
        ("architecture", "original-cnn"),
        ("description", "exported with scripts/export_torchscript.py from a PyTorch state_dict"),
        ("class_names", CLASS_NAMES),
        ("sample_rate", 16000),
        ("n_fft", 1024),
        ("hop_length", 256),
        ("n_mels", N_MELS),
        ("fmin", 0.0),
        ("fmax", 8000.0),
        ("db_ref", db_ref),
        ("top_db", 80.0),
        ("amin", 1e-10),
        ("window_s", 3.0),
        ("hop_s", 1.5),
        ("input_frames", FRAMES),
        ("output", "logits"),
    ])


def load_state_dict(path):
    try:
        obj = torch.load(path, map_location="cpu", weights_only=True)
    except TypeError:
        sys.exit("export_torchscript.py needs PyTorch 1.13 or newer (torch.load(weights_only=True))")
    except Exception as e:  # weights_only refuses anything but tensors and plain containers
        hint = ""
        if "Unsupported operand" in str(e):  # PyTorch 1.13's weights_only loader cannot read float values
            hint = ("\n(this PyTorch's safe loader cannot read some checkpoints; `socialctx import` can, "
                    "or use a newer PyTorch)")
        sys.exit(f"{path}: cannot be read as a state_dict: {e}{hint}")
    if isinstance(obj, dict):
        for wrapper in ("state_dict", "model_state_dict", "model"):
            if isinstance(obj.get(wrapper), dict):
                obj = obj[wrapper]
                break
    if not isinstance(obj, dict):
        sys.exit(f"{path}: holds {type(obj).__name__}, not a state_dict")
    return collections.OrderedDict(
        (k[len("module."):] if k.startswith("module.") else k, v) for k, v in obj.items() if torch.is_tensor(v))


ROLES = ("num_batches_tracked", "running_mean", "running_var", "weight", "bias")


def layers(state):
    """Groups tensors by layer prefix, in order, with each layer's kind (as the C++ importer does)."""
    grouped = collections.OrderedDict()
    for key, value in state.items():
        prefix, _, role = key.rpartition(".")
        if role in ROLES:
            grouped.setdefault(prefix, collections.OrderedDict())[role] = (key, value)
    result = []
    for prefix, members in grouped.items():
        if members.keys() & {"running_mean", "running_var", "num_batches_tracked"}:
            kind = "batch norm"
        elif "weight" in members:
            kind = {4: "conv2d", 3: "conv1d", 2: "linear"}.get(members["weight"][1].dim(), "other")
        else:
            kind = "other"
        result.append([prefix, kind, members, False])
    return result


def remap(state, model):
    """The file's tensors under the model's names: by layer kind, order and shape."""
    ours, theirs = layers(model.state_dict()), layers(state)
    mapped, errors = collections.OrderedDict(), []
    for prefix, kind, members, _ in ours:
        def fits(layer):
            return all(role in layer[2] and tuple(layer[2][role][1].shape) == tuple(t.shape)
                       or role == "num_batches_tracked" and role not in layer[2]
                       for role, (_, t) in members.items())
        candidates = [t for t in theirs if not t[3] and t[1] == kind]
        match = next((t for t in candidates if fits(t)), None)
        if match is None:
            shapes = ", ".join(f"{role} {list(t.shape)}" for role, (_, t) in members.items())
            found = ("; next in the file: " + ", ".join(f"{k} {list(v.shape)}" for k, v in candidates[0][2].values())
                     if candidates else "; the file has none left")
            errors.append(f"{prefix} ({kind}: {shapes}){found}")
            if candidates:
                candidates[0][3] = True
            continue
        match[3] = True
        for role, (key, _) in members.items():
            if role in match[2]:
                mapped[key] = match[2][role][1]
    if errors:
        sys.exit("the state_dict does not fit AudioClassifierCNN:\n  " + "\n  ".join(errors))
    return mapped


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("state_dict", help="best_model.pth (torch.save(model.state_dict(), ...))")
    parser.add_argument("-o", "--output", required=True, help="TorchScript file to write")
    parser.add_argument("--name", default="original-cnn", help="model name in the embedded config")
    parser.add_argument("--version", default="1", help="model version in the embedded config")
    parser.add_argument("--db-ref", default="max", choices=["max", "1.0"],
                        help="dB reference the weights were trained with (the original used ref=np.max)")
    args = parser.parse_args()

    state = load_state_dict(args.state_dict)
    model = AudioClassifierCNN()
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError:
        model.load_state_dict(remap(state, model), strict=False)
    model.eval()
    scripted = torch.jit.script(model)
    with torch.no_grad():
        out = scripted(torch.zeros(1, 1, N_MELS, FRAMES))
    assert tuple(out.shape) == (1, len(CLASS_NAMES)), out.shape
    config = model_config(args.name, args.version, args.db_ref)
    torch.jit.save(scripted, args.output, _extra_files={"socialctx.json": json.dumps(config, indent=2)})
    print(f"Wrote {args.output} (TorchScript, {len(CLASS_NAMES)} classes, dB reference {args.db_ref})")


if __name__ == "__main__":
    main()
