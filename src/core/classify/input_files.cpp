#include "classify/input_files.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "platform/file_info.h"
#include "util/error.h"

namespace sctx {

const std::vector<std::string>& audio_extensions() {
    static const std::vector<std::string> ext = {"wav",  "wave", "mp3", "m4a",  "mp4",  "aac", "flac", "ogg",
                                                 "oga",  "opus", "aif", "aiff", "aifc", "au",  "caf",  "wma",
                                                 "webm", "mka",  "w64", "rf64", "3gp",  "amr"};
    return ext;
}

bool has_audio_extension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return false;
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    const auto& known = audio_extensions();
    return std::find(known.begin(), known.end(), ext) != known.end();
}

namespace {

// Every path is its own record: two hard links or two symlinks to one file are two paths a user may want in
// the table (a folder of 10,000 links to one clip gives 10,000 rows). Only directory loops are cut, by the
// chain of folders being walked: a symlink back to an ancestor ends there. A symlink to a sibling folder is
// walked (its files have their own paths).
struct Walker {
    std::vector<std::pair<uint64_t, uint64_t>> ancestors;  // the folders from the walk's root to the current one
    InputList& out;

    // Returns the number of audio files found below dir.
    size_t walk(const std::string& dir, const platform::FileInfo& dir_info) {
        const std::pair<uint64_t, uint64_t> id{dir_info.device, dir_info.inode};
        if (std::find(ancestors.begin(), ancestors.end(), id) != ancestors.end()) return 0;  // a loop
        std::vector<std::string> names;
        int error = 0;
        if (!platform::list_directory(dir, names, error)) {
            out.problems.emplace_back(dir, std::string("cannot open folder: ") + std::strerror(error));
            return 0;
        }
        std::sort(names.begin(), names.end());
        ancestors.push_back(id);
        size_t found = 0;
        for (const auto& name : names) {
            const std::string path = dir + (dir.back() == '/' ? "" : "/") + name;
            const platform::FileInfo info = platform::file_info(path);
            if (!info.exists()) continue;  // dangling symlink, vanished file
            if (info.is_directory()) {
                found += walk(path, info);  // a folder named "x.wav" is still a folder
            } else if (info.is_regular() && has_audio_extension(name)) {
                out.files.push_back(path);
                ++found;
            }
        }
        ancestors.pop_back();
        return found;
    }
};

}  // namespace

InputList collect_inputs(const std::vector<std::string>& paths) {
    InputList list;
    Walker walker{{}, list};
    std::set<std::pair<uint64_t, uint64_t>> folders_given;  // one folder named twice (two spellings): walked once
    for (const auto& path : paths) {
        const platform::FileInfo info = platform::file_info(path);
        if (!info.exists()) {
            // Reported as a file error, so it shows up in the results like any other unreadable input.
            list.files.push_back(path);
            continue;
        }
        if (info.is_directory()) {
            if (!folders_given.insert({info.device, info.inode}).second) continue;
            if (walker.walk(path, info) == 0) list.problems.emplace_back(path, "no audio files in this folder");
        } else {
            list.files.push_back(path);
        }
    }
    // The same path reached twice (a file named and also inside a named folder) is one record.
    std::sort(list.files.begin(), list.files.end());
    list.files.erase(std::unique(list.files.begin(), list.files.end()), list.files.end());
    return list;
}

Shard parse_shard(const std::string& text) {
    const auto slash = text.find('/');
    Shard s;
    try {
        if (slash == std::string::npos) throw Error("");
        size_t used = 0;
        s.index = std::stoul(text.substr(0, slash), &used);
        if (used != slash) throw Error("");
        s.count = std::stoul(text.substr(slash + 1), &used);
        if (used != text.size() - slash - 1) throw Error("");
    } catch (...) {
        throw Error("--shard wants K/N, e.g. 3/8, not '" + text + "'");
    }
    if (s.count < 1 || s.index < 1 || s.index > s.count)
        throw Error("--shard K/N needs 1 <= K <= N, not '" + text + "'");
    return s;
}

std::vector<std::string> select_shard(const std::vector<std::string>& files, const Shard& shard) {
    std::vector<std::string> out;
    for (size_t i = shard.index - 1; i < files.size(); i += shard.count) out.push_back(files[i]);
    return out;
}

}  // namespace sctx
