"""Makes the PyTorch files the importer tests read (run by pth_import_test with /usr/bin/python3).

Usage: make_original_pth.py OUTDIR
Writes into OUTDIR:
  original.pth        torch.save(model.state_dict()) of the original AudioClassifierCNN (nn.Sequential names),
                      random weights, nonzero batch-norm running statistics
  input.f32           2 x 128 x 188 float32 log-mel-like input
  logits.f32          2 x 5 float32: the model's outputs on it in eval mode (PyTorch's reference)
  checkpoint.pth      {"epoch", "model_state_dict" (keys with DataParallel's "module."), "optimizer_state_dict"}
  convs_first.pth     the same weights from a variant that declares conv1..3, bn1..3, fc1, fc2 as attributes
                      (another key order and other names)
  protocol4.pth       original.pth written with pickle protocol 4 (FRAME, MEMOIZE, STACK_GLOBAL, ...)
  float64.pth         the state_dict in float64
  float16.pth         the state_dict in float16; logits_f16.f32 are the outputs of the float16-rounded weights
  legacy.pth          the pre-1.6 (non-zip) format
  wrong_shape.pth     fc_layers.1 with 20000 inputs instead of 23552
  evil.pth            a torch.save archive whose pickle calls os.system('touch "$SOCIALCTX_EVIL_MARKER"')
"""
import collections
import copy
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from export_torchscript import AudioClassifierCNN  # noqa: E402  (one definition of the original model)


class ConvsFirst(nn.Module):
    """The same network written with one attribute per layer, convolutions declared before batch norms."""

    def __init__(self):
        super().__init__()
        self.conv1, self.conv2, self.conv3 = nn.Conv2d(1, 16, 3, padding=1), nn.Conv2d(16, 32, 3, padding=1), \
            nn.Conv2d(32, 64, 3, padding=1)
        self.bn1, self.bn2, self.bn3 = nn.BatchNorm2d(16), nn.BatchNorm2d(32), nn.BatchNorm2d(64)
        self.fc1, self.fc2 = nn.Linear(23552, 128), nn.Linear(128, 5)


class Evil:
    # The shell expands the marker path when the command runs, so the fixture can be made once and moved.
    def __reduce__(self):
        return (os.system, ('touch "$SOCIALCTX_EVIL_MARKER"',))


def save_raw(path, tensor):
    with open(path, "wb") as f:
        f.write(tensor.detach().contiguous().float().numpy().tobytes())


def main():
    out = sys.argv[1]
    torch.manual_seed(455)
    model = AudioClassifierCNN()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.3, 0.3)
                m.running_mean.uniform_(-2.0, 2.0)
                m.running_var.uniform_(0.5, 3.0)
                m.num_batches_tracked.fill_(1234)
    model.eval()
    x = torch.rand(2, 128, 188) * 80.0 - 80.0  # log-mel in dB with ref=max lies in [-80, 0]
    with torch.no_grad():
        logits = model(x.unsqueeze(1))
    # Copies: state_dict() shares storage with the live parameters, which the optimizer step below changes.
    sd = collections.OrderedDict((k, v.clone()) for k, v in model.state_dict().items())
    torch.save(sd, os.path.join(out, "original.pth"))
    save_raw(os.path.join(out, "input.f32"), x)
    save_raw(os.path.join(out, "logits.f32"), logits)

    trainee = copy.deepcopy(model)
    opt = torch.optim.Adam(trainee.parameters(), lr=1e-3)
    trainee.train()
    opt.zero_grad()
    trainee(x.unsqueeze(1)).sum().backward()
    opt.step()  # only to give the checkpoint real optimizer state tensors
    torch.save({"epoch": 7, "best_val_loss": 0.61, "model_state_dict": {"module." + k: v for k, v in sd.items()},
                "optimizer_state_dict": opt.state_dict()}, os.path.join(out, "checkpoint.pth"))

    variant = ConvsFirst()
    names = ["conv1", "bn1", "conv2", "bn2", "conv3", "bn3"]
    with torch.no_grad():
        for i, name in enumerate(names):
            getattr(variant, name).load_state_dict(model.conv_layers[[0, 1, 4, 5, 8, 9][i]].state_dict())
        variant.fc1.load_state_dict(model.fc_layers[1].state_dict())
        variant.fc2.load_state_dict(model.fc_layers[4].state_dict())
    torch.save(variant.state_dict(), os.path.join(out, "convs_first.pth"))

    torch.save(sd, os.path.join(out, "protocol4.pth"), pickle_protocol=4)
    torch.save({k: v.double() if v.is_floating_point() else v for k, v in sd.items()},
               os.path.join(out, "float64.pth"))
    half = {k: v.half() if v.is_floating_point() else v for k, v in sd.items()}
    torch.save(half, os.path.join(out, "float16.pth"))
    rounded = AudioClassifierCNN()
    rounded.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in half.items()})
    rounded.eval()
    with torch.no_grad():
        save_raw(os.path.join(out, "logits_f16.f32"), rounded(x.unsqueeze(1)))
    torch.save(sd, os.path.join(out, "legacy.pth"), _use_new_zipfile_serialization=False)

    wrong = dict(sd)
    wrong["fc_layers.1.weight"] = torch.zeros(128, 20000)
    torch.save(wrong, os.path.join(out, "wrong_shape.pth"))

    torch.save({"conv_layers.0.weight": Evil()}, os.path.join(out, "evil.pth"))


if __name__ == "__main__":
    main()
