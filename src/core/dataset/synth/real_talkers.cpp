#include "dataset/synth/real_talkers.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "dataset/reserved_sources.h"
#include "util/csv.h"
#include "util/error.h"

namespace fs = std::filesystem;

namespace sctx::synth {

namespace {

// A CSV table with a header row: each row as a map from column name to value. Throws naming file and line.
class Table {
public:
    Table(const std::string& path, const std::vector<std::string>& required) : path_(path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw Error("cannot open " + path);
        std::string line;
        size_t no = 0;
        while (std::getline(in, line)) {
            ++no;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty()) continue;
            std::vector<std::string> f;
            if (!csv::split_line(line, f)) throw Error(path + ":" + std::to_string(no) + ": unterminated quoted field");
            if (header_.empty()) {
                header_ = f;
                for (const auto& r : required)
                    if (std::find(header_.begin(), header_.end(), r) == header_.end())
                        throw Error(path + ":1: no column '" + r + "'");
                continue;
            }
            if (f.size() != header_.size())
                throw Error(path + ":" + std::to_string(no) + ": expected " + std::to_string(header_.size()) +
                            " fields, found " + std::to_string(f.size()));
            rows_.push_back({no, f});
        }
        if (header_.empty()) throw Error(path + ": empty table (no header)");
    }
    size_t size() const { return rows_.size(); }
    const std::string& at(size_t row, const std::string& column) const {
        const auto it = std::find(header_.begin(), header_.end(), column);
        return rows_[row].second[size_t(it - header_.begin())];
    }
    std::string where(size_t row) const { return path_ + ":" + std::to_string(rows_[row].first); }

private:
    std::string path_;
    std::vector<std::string> header_;
    std::vector<std::pair<size_t, std::vector<std::string>>> rows_;
};

double parse_seconds(const std::string& text, const std::string& where) {
    try {
        size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size() && std::isfinite(v) && v >= 0) return v;
    } catch (...) {}
    throw Error(where + ": '" + text + "' is not a number of seconds");
}

bool file_name_safe(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
    return true;
}

}  // namespace

std::vector<std::pair<float, float>> parse_speech_segments(const std::string& text) {
    std::vector<std::pair<float, float>> out;
    size_t start = 0;
    while (start < text.size()) {
        const size_t semi = text.find(';', start);
        const std::string item = text.substr(start, semi == std::string::npos ? std::string::npos : semi - start);
        const size_t dash = item.find('-');
        if (dash == std::string::npos) throw Error("speech segment '" + item + "' is not START-END");
        const double a = parse_seconds(item.substr(0, dash), "speech segment"),
                     b = parse_seconds(item.substr(dash + 1), "speech segment");
        if (b <= a || (!out.empty() && a < out.back().second))
            throw Error("speech segments must be increasing and not overlap ('" + text + "')");
        out.push_back({float(a), float(b)});
        if (semi == std::string::npos) break;
        start = semi + 1;
    }
    return out;
}

RealTalkerCorpus load_real_talkers(const std::string& dir) {
    RealTalkerCorpus corpus;
    const Table talkers(dir + "/talkers.csv", {"speaker", "package", "language", "split"});
    const Table utterances(dir + "/utterances.csv", {"speaker", "file", "seconds", "segments"});
    const auto& reserved = dataset::reserved_packages();

    std::map<std::string, size_t> pool_of;
    std::set<std::string> packages;
    for (size_t i = 0; i < talkers.size(); ++i) {
        const std::string& id = talkers.at(i, "speaker");
        const std::string& package = talkers.at(i, "package");
        if (!file_name_safe(id)) throw Error(talkers.where(i) + ": speaker id '" + id + "' is not file-name safe");
        if (std::find(reserved.begin(), reserved.end(), package) != reserved.end())
            throw Error(talkers.where(i) + ": package " + package +
                        " is reserved for evaluation and must never be used for training");
        if (pool_of.count(id)) throw Error(talkers.where(i) + ": speaker '" + id + "' is listed twice");
        Voice v;
        v.engine = Engine::Real;
        v.id = "real-" + id;
        v.family = "real:" + id;
        v.engine_voice = package;
        v.language = talkers.at(i, "language");
        v.split = talkers.at(i, "split");
        if (v.split != "train" && v.split != "val" && v.split != "test")
            throw Error(talkers.where(i) + ": split '" + v.split + "' is not train, val or test");
        pool_of[id] = corpus.pools.size();
        corpus.pools.push_back({v, {}});
        packages.insert(package);
    }

    // Provenance first: any source in a reserved folder stops everything, whatever the tables say.
    if (fs::exists(dir + "/sources.tsv")) {
        std::ifstream in(dir + "/sources.tsv", std::ios::binary);
        std::string line;
        size_t no = 0;
        while (std::getline(in, line)) {
            ++no;
            // file <TAB> package <TAB> source path <TAB> ...: check the third field (a header line checks nothing).
            std::vector<std::string> f(1);
            for (char c : line) {
                if (c == '\t')
                    f.emplace_back();
                else
                    f.back() += c;
            }
            const std::string path = f.size() > 2 ? f[2] : std::string();
            if (!path.empty() && dataset::is_reserved_source(path))
                throw Error(dir + "/sources.tsv:" + std::to_string(no) + ": " + path +
                            " is in a folder reserved for evaluation and must never be used for training");
        }
    }

    for (size_t i = 0; i < utterances.size(); ++i) {
        const auto it = pool_of.find(utterances.at(i, "speaker"));
        if (it == pool_of.end())
            throw Error(utterances.where(i) + ": speaker '" + utterances.at(i, "speaker") + "' is not in talkers.csv");
        Utterance u;
        u.path = dir + "/" + utterances.at(i, "file");
        if (dataset::is_reserved_source(u.path))
            throw Error(utterances.where(i) + ": " + u.path + " is in a folder reserved for evaluation");
        const double seconds = parse_seconds(utterances.at(i, "seconds"), utterances.where(i));
        u.samples = size_t(std::llround(seconds * 16000.0));
        try {
            u.speech = parse_speech_segments(utterances.at(i, "segments"));
        } catch (const Error& e) {
            throw Error(utterances.where(i) + ": " + e.what());
        }
        if (u.speech.empty() || u.samples == 0) continue;  // nothing to say
        if (!fs::exists(u.path)) throw Error(utterances.where(i) + ": " + u.path + " does not exist");
        for (const auto& [a, b] : u.speech) corpus.speech_seconds += double(b - a);
        corpus.pools[it->second].utterances.push_back(std::move(u));
        ++corpus.utterances;
    }
    corpus.pools.erase(std::remove_if(corpus.pools.begin(), corpus.pools.end(),
                                      [](const VoicePool& p) { return p.utterances.empty(); }),
                       corpus.pools.end());
    corpus.packages.assign(packages.begin(), packages.end());
    if (corpus.pools.empty()) throw Error(dir + ": no speaker with a usable utterance");
    return corpus;
}

}  // namespace sctx::synth
