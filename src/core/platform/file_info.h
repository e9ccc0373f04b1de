#pragma once
// The file-system questions the core asks that std::filesystem answers badly: one call per path that follows
// symlinks and gives the type, the size, the modification time to the nanosecond and the file's identity (to cut
// directory loops), plus directory listing, readability and replacing a file atomically. POSIX and Windows
// implementations (file_info_posix.cpp, file_info_windows.cpp); paths are UTF-8 on both.
#include <cstdint>
#include <string>
#include <vector>

namespace sctx::platform {

enum class FileType { missing, regular, directory, other };

struct FileInfo {
    FileType type = FileType::missing;
    int64_t size = -1;
    int64_t mtime_sec = 0;   ///< modification time: whole seconds since 1970 ...
    int64_t mtime_nsec = 0;  ///< ... and nanoseconds
    uint64_t device = 0;     ///< with inode: which file this is (two paths, one file, same pair)
    uint64_t inode = 0;
    int error = 0;  ///< the errno-style reason when missing

    bool exists() const { return type != FileType::missing; }
    bool is_regular() const { return type == FileType::regular; }
    bool is_directory() const { return type == FileType::directory; }
    /// Seconds since 1970 as a double (what result records and journals store).
    double mtime() const { return double(mtime_sec) + double(mtime_nsec) * 1e-9; }
    /// "size:seconds.nanoseconds", the stamp the feature cache keys on.
    std::string stamp() const {
        return std::to_string(size) + ":" + std::to_string(mtime_sec) + "." + std::to_string(mtime_nsec);
    }
};

/// What is at path, following symlinks; type missing (and error set) when nothing readable is there.
FileInfo file_info(const std::string& path);

/// Whether the current user may read path; the reason in *error when not.
bool is_readable(const std::string& path, int* error = nullptr);

/// The entries of dir (without "." and ".."), in no particular order; false with the reason in error when the
/// folder cannot be opened.
bool list_directory(const std::string& dir, std::vector<std::string>& names, int& error);

/// Moves from over to, replacing to if it exists, in one step where the system allows (rename(2); on Windows
/// MoveFileEx with MOVEFILE_REPLACE_EXISTING, since std::rename there refuses an existing target).
bool replace_file(const std::string& from, const std::string& to);

}  // namespace sctx::platform
