"""Minimal ctypes stand-in for python-soxr (https://github.com/dofuuz/python-soxr).

Only what librosa 0.11 needs is provided: ``import soxr``, ``soxr.resample``,
``soxr.__version__`` (used by ``librosa.show_versions``) and the quality
constants.  It binds the system libsoxr (Debian: libsoxr0, 0.1.3).

Semantics follow python-soxr 1.x ``resample()`` (src/soxr_ext.cpp,
``csoxr_divide_proc`` / ``csoxr_split_ch``):

* io spec: input and output of the same type as ``x.dtype``
  (float32 -> SOXR_FLOAT32_I, float64 -> SOXR_FLOAT64_I, int32, int16);
* quality spec: ``soxr_quality_spec(recipe, 0)``; 'soxr_hq'/'HQ' -> SOXR_HQ (=4);
* output buffer of ``olen = int(ilen * out_rate / in_rate + 1)`` frames;
* the input is fed in chunks of ``div_len = int(max(1000, 48000 * in_rate / out_rate))``
  frames, then flushed once with a NULL input;
* the result holds every frame produced (never more than ``olen``).

Usage: put this directory on PYTHONPATH before importing librosa.
"""

import ctypes
import ctypes.util

import numpy as np

__all__ = ["resample", "QQ", "LQ", "MQ", "HQ", "VHQ"]

QQ, LQ, MQ, HQ, VHQ = 0, 1, 2, 4, 6

_QUALITY = {
    VHQ: VHQ, "vhq": VHQ, "soxr_vhq": VHQ,
    HQ: HQ, "hq": HQ, "soxr_hq": HQ,
    MQ: MQ, "mq": MQ, "soxr_mq": MQ,
    LQ: LQ, "lq": LQ, "soxr_lq": LQ,
    QQ: QQ, "qq": QQ, "soxr_qq": QQ,
}

# soxr_datatype_t, interleaved variants
_DTYPES = {
    np.dtype(np.float32): 0,  # SOXR_FLOAT32_I
    np.dtype(np.float64): 1,  # SOXR_FLOAT64_I
    np.dtype(np.int32): 2,    # SOXR_INT32_I
    np.dtype(np.int16): 3,    # SOXR_INT16_I
}


class _IoSpec(ctypes.Structure):
    _fields_ = [
        ("itype", ctypes.c_int),
        ("otype", ctypes.c_int),
        ("scale", ctypes.c_double),
        ("e", ctypes.c_void_p),
        ("flags", ctypes.c_ulong),
    ]


class _QualitySpec(ctypes.Structure):
    _fields_ = [
        ("precision", ctypes.c_double),
        ("phase_response", ctypes.c_double),
        ("passband_end", ctypes.c_double),
        ("stopband_begin", ctypes.c_double),
        ("e", ctypes.c_void_p),
        ("flags", ctypes.c_ulong),
    ]


def _load_lib():
    for name in ("libsoxr.so.0", ctypes.util.find_library("soxr")):
        if not name:
            continue
        try:
            return ctypes.CDLL(name)
        except OSError:
            pass
    raise ImportError("libsoxr not found (Debian: apt-get install libsoxr0)")


_lib = _load_lib()

_lib.soxr_version.restype = ctypes.c_char_p
_lib.soxr_version.argtypes = []
_lib.soxr_io_spec.restype = _IoSpec
_lib.soxr_io_spec.argtypes = [ctypes.c_int, ctypes.c_int]
_lib.soxr_quality_spec.restype = _QualitySpec
_lib.soxr_quality_spec.argtypes = [ctypes.c_ulong, ctypes.c_ulong]
_lib.soxr_create.restype = ctypes.c_void_p
_lib.soxr_create.argtypes = [
    ctypes.c_double, ctypes.c_double, ctypes.c_uint,
    ctypes.POINTER(ctypes.c_char_p),
    ctypes.POINTER(_IoSpec), ctypes.POINTER(_QualitySpec), ctypes.c_void_p,
]
_lib.soxr_process.restype = ctypes.c_char_p
_lib.soxr_process.argtypes = [
    ctypes.c_void_p,
    ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t),
    ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t),
]
_lib.soxr_delete.restype = None
_lib.soxr_delete.argtypes = [ctypes.c_void_p]

__libsoxr_version__ = _lib.soxr_version().decode()
__version__ = "1.0.0+ctypes-shim"  # API level mimicked; not the real package


def _quality_to_enum(q):
    if isinstance(q, str):
        q = q.lower()
    try:
        return _QUALITY[q]
    except (KeyError, TypeError):
        raise ValueError("Quality must be one of [QQ, LQ, MQ, HQ, VHQ]")


def resample(x, in_rate: float, out_rate: float, quality="HQ") -> np.ndarray:
    """Resample ``x`` (1-D, or 2-D [frame, channel]) from in_rate to out_rate."""
    if in_rate <= 0 or out_rate <= 0:
        raise ValueError("Sample rate should be over 0")
    if type(x) != np.ndarray:
        x = np.asarray(x, dtype=np.float32)
    if x.dtype not in _DTYPES:
        raise TypeError(
            "Data type must be one of [float32, float64, int16, int32], not {}".format(x.dtype))
    if x.ndim not in (1, 2):
        raise ValueError("Input must be 1-D or 2-D array")
    q = _quality_to_enum(quality)

    squeeze = x.ndim == 1
    x2 = np.ascontiguousarray(x.reshape(-1, 1) if squeeze else x)
    ilen, channels = x2.shape
    dt = x2.dtype
    stype = _DTYPES[dt]

    io_spec = _lib.soxr_io_spec(stype, stype)
    q_spec = _lib.soxr_quality_spec(q, 0)
    err = ctypes.c_char_p()
    handle = _lib.soxr_create(float(in_rate), float(out_rate), channels,
                              ctypes.byref(err), ctypes.byref(io_spec),
                              ctypes.byref(q_spec), None)
    if err.value:
        raise RuntimeError(err.value.decode())

    olen = int(ilen * float(out_rate) / float(in_rate) + 1)
    div_len = int(max(1000.0, 48000.0 * float(in_rate) / float(out_rate)))
    y = np.zeros((olen, channels), dtype=dt)
    isz = dt.itemsize * channels
    xp = x2.ctypes.data
    yp = y.ctypes.data
    out_pos = 0
    odone = ctypes.c_size_t(0)
    try:
        for idx in range(0, ilen, div_len):
            e = _lib.soxr_process(handle, xp + idx * isz, min(div_len, ilen - idx), None,
                                  yp + out_pos * isz, olen - out_pos, ctypes.byref(odone))
            if e:
                raise RuntimeError(e.decode())
            out_pos += odone.value
        e = _lib.soxr_process(handle, None, 0, None,
                              yp + out_pos * isz, olen - out_pos, ctypes.byref(odone))
        if e:
            raise RuntimeError(e.decode())
        out_pos += odone.value
    finally:
        _lib.soxr_delete(handle)

    y = y[:out_pos]
    return y[:, 0].copy() if squeeze else y
