#include "dataset/ami/dataset.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "dataset/ami/meetings.h"
#include "dataset/ami/noise.h"
#include "dataset/ami/segments.h"
#include "util/error.h"

namespace sctx::ami {

namespace fs = std::filesystem;

namespace {

std::string upper(std::string s) {
    for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// Segments that end before they start, per file: reported together at the end (a corpus-wide quirk would
// otherwise flood the terminal with one note per file).
using ReversedSegments = std::vector<std::pair<std::string, size_t>>;

std::vector<SpeechTimeline> read_timelines(const AmiMeeting& meeting, const CorpusLayout& layout,
                                           ReversedSegments& reversed) {
    if (meeting.speakers.empty()) throw Error("meetings.xml lists no speakers for it");
    std::vector<SpeechTimeline> timelines;
    for (const AmiSpeaker& speaker : meeting.speakers) {
        const std::string path = layout.segments_xml(meeting.id, speaker.agent);
        AmiSegments segments;
        try {
            segments = read_ami_segments(path);
        } catch (const Error& e) {
            throw Error(path + ": " + e.what());
        }
        if (segments.reversed) reversed.emplace_back(path, segments.reversed);
        timelines.emplace_back(std::move(segments.segments));
    }
    return timelines;
}

// One meeting's windows over every stream that was downloaded (split not yet set). Annotation problems throw
// (the meeting is skipped); a recording that cannot be read loses only its stream.
std::vector<ManifestRow> meeting_rows(const AmiMeeting& meeting, const AmiDatasetOptions& options,
                                      const std::vector<Stream>& streams, ReversedSegments& reversed, AmiDataset& out) {
    std::vector<SpeechTimeline> timelines;
    try {
        timelines = read_timelines(meeting, options.layout, reversed);
    } catch (const Error& e) {
        out.errors.push_back(meeting.id + ": " + e.what() + "; meeting skipped");
        return {};
    }
    std::vector<ManifestRow> rows;
    for (Stream stream : streams) {
        const std::string audio = options.layout.audio_file(meeting.id, stream);
        double seconds = 0;
        try {
            seconds = recording_seconds(audio);
        } catch (const Error& e) {
            out.errors.push_back(meeting.id + ": " + audio + ": " + e.what() + "; " + stream_name(stream) +
                                 " stream skipped");
            continue;
        }
        const std::vector<LabelledWindow> windows = label_windows(timelines, seconds, options.windows);
        if (windows.empty())
            out.notes.push_back(meeting.id + ": " + audio + " is shorter than one window (" +
                                dataset::format_seconds(seconds) + " s)");
        for (const LabelledWindow& w : windows) {
            ManifestRow row;
            row.source = audio;
            row.offset = w.offset;
            row.duration = w.duration;
            row.label = w.label;
            row.meeting = meeting.id;
            row.stream = stream_name(stream);
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::string list_some(const std::vector<std::string>& ids, size_t most) {
    std::string text;
    for (size_t i = 0; i < ids.size() && i < most; ++i) text += (i ? ", " : "") + ids[i];
    if (ids.size() > most) text += ", ... (" + std::to_string(ids.size() - most) + " more)";
    return text;
}

}  // namespace

AmiDataset build_ami_dataset(const AmiDatasetOptions& options) {
    // The noise folder first: a typo there should fail before any work is done.
    NoiseBank noise;
    if (!options.noise_dir.empty()) {
        try {
            noise = find_noise_files(options.noise_dir, options.windows.window_s);
        } catch (const Error& e) {
            throw Error("noise folder " + options.noise_dir + ": " + e.what());
        }
    }

    const std::string meetings_xml = options.layout.meetings_xml();
    std::vector<AmiMeeting> meetings;
    try {
        meetings = read_ami_meetings(meetings_xml);
    } catch (const Error& e) {
        throw Error(meetings_xml + ": " + e.what());
    }

    AmiDataset out;
    out.notes = noise.notes;
    if (!options.meetings.empty()) {
        const std::set<std::string> wanted(options.meetings.begin(), options.meetings.end());
        std::set<std::string> known;
        for (const AmiMeeting& m : meetings) known.insert(m.id);
        for (const std::string& id : wanted)
            if (!known.count(id)) out.errors.push_back(id + ": not a meeting in " + meetings_xml);
        meetings.erase(
            std::remove_if(meetings.begin(), meetings.end(), [&](const AmiMeeting& m) { return !wanted.count(m.id); }),
            meetings.end());
    }

    std::vector<ManifestRow> rows;
    std::vector<std::string> without_audio;
    ReversedSegments reversed;
    for (const AmiMeeting& meeting : meetings) {
        std::vector<Stream> streams;
        for (Stream stream : kStreams) {
            const std::string audio = options.layout.audio_file(meeting.id, stream);
            if (fs::exists(audio))
                streams.push_back(stream);
            else if (fs::exists(
                         options.layout.audio_file(meeting.id, stream == Stream::Ihm ? Stream::Sdm : Stream::Ihm)))
                out.notes.push_back(meeting.id + ": no " + upper(stream_name(stream)) + " recording (" + audio +
                                    "): " + stream_name(stream) + " stream skipped");
        }
        // Most downloads hold the annotations of every meeting but the audio of a few: one note for them all.
        if (streams.empty()) {
            without_audio.push_back(meeting.id);
            continue;
        }
        std::vector<ManifestRow> meeting_windows = meeting_rows(meeting, options, streams, reversed, out);
        rows.insert(rows.end(), std::make_move_iterator(meeting_windows.begin()),
                    std::make_move_iterator(meeting_windows.end()));
    }
    if (!without_audio.empty())
        out.notes.push_back(std::to_string(without_audio.size()) + " meeting(s) skipped, no recording under " +
                            options.layout.audio_dir + ": " + list_some(without_audio, 8));

    if (!reversed.empty()) {
        size_t total = 0;
        std::vector<std::string> files;
        for (const auto& [path, count] : reversed) {
            total += count;
            files.push_back(fs::path(path).filename().string() + " (" + std::to_string(count) + ")");
        }
        out.notes.push_back(std::to_string(total) +
                            " segment(s) ending before they start left out: " + list_some(files, 5));
    }

    std::vector<std::string> ids;
    for (const ManifestRow& row : rows) ids.push_back(row.meeting);
    out.meeting_splits = assign_splits(ids, options.split, options.seed);
    for (ManifestRow& row : rows) row.split = out.meeting_splits.at(row.meeting);

    if (!noise.files.empty()) {
        NoisyOptions noisy;
        noisy.fraction = options.noisy_fraction;
        noisy.snr_db = options.snr_db;
        noisy.window_s = options.windows.window_s;
        noisy.seed = options.seed;
        noisy.ratios = options.split;
        rows = add_noisy_rows(rows, noise.files, noisy, out.notes);
    }

    std::map<std::string, std::string> written_as;  // a few hundred files behind hundreds of thousands of rows
    auto as_written = [&](std::string& path) {
        auto it = written_as.find(path);
        if (it == written_as.end())
            it = written_as.emplace(path, dataset::manifest_path(path, options.manifest_dir)).first;
        path = it->second;
    };
    for (ManifestRow& row : rows) {
        as_written(row.source);
        if (!row.noise.empty()) as_written(row.noise);
    }
    out.rows = std::move(rows);
    return out;
}

}  // namespace sctx::ami
