#pragma once
// Per-window results as annotations for the tools researchers already use: Audacity labels, a Raven selection
// table and a Sonic Visualiser CSV layer. Both write one line per window (the file's whole length when it has no windows) of
// each file classified; files that failed have no windows and write nothing (their error is in the other formats
// and on stderr).
#include <memory>

#include "classify/result_writer.h"

namespace sctx {

/// Audacity label track: "start<TAB>end<TAB>label" per window, seconds; with several files the label starts with
/// the file name ("a.wav: Group Discussion").
std::unique_ptr<ResultWriter> make_audacity_writer(OutputFile& out, const WriterOptions& options);

/// Raven Pro selection table (tab-separated, one header line): Selection, View, Channel, Begin Time (s),
/// End Time (s), Low Freq (Hz), High Freq (Hz), then Label, Confidence, Begin Path and File Offset (s).
/// Times are seconds from the start of the file in Begin Path; the band is 0 to options.high_freq_hz.
std::unique_ptr<ResultWriter> make_raven_writer(OutputFile& out, const WriterOptions& options);

/// Sonic Visualiser annotation layer as CSV, as its "Import Annotation Layer" reads it: time,duration,label with
/// no header (as Sonic Visualiser exports its own layers). With several files the label starts with the file
/// name ("a.wav: Group Discussion"), as in the Audacity labels.
std::unique_ptr<ResultWriter> make_sonic_visualiser_writer(OutputFile& out, const WriterOptions& options);

}  // namespace sctx
