#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "platform/file_info.h"

namespace sctx::platform {

FileInfo file_info(const std::string& path) {
    FileInfo info;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        info.error = errno;
        return info;
    }
    info.type = S_ISREG(st.st_mode) ? FileType::regular : S_ISDIR(st.st_mode) ? FileType::directory : FileType::other;
    info.size = int64_t(st.st_size);
#if defined(__APPLE__)
    info.mtime_sec = int64_t(st.st_mtimespec.tv_sec);
    info.mtime_nsec = int64_t(st.st_mtimespec.tv_nsec);
#else
    info.mtime_sec = int64_t(st.st_mtim.tv_sec);
    info.mtime_nsec = int64_t(st.st_mtim.tv_nsec);
#endif
    info.device = uint64_t(st.st_dev);
    info.inode = uint64_t(st.st_ino);
    return info;
}

bool is_readable(const std::string& path, int* error) {
    if (::access(path.c_str(), R_OK) == 0) return true;
    if (error) *error = errno;
    return false;
}

bool list_directory(const std::string& dir, std::vector<std::string>& names, int& error) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
        error = errno;
        return false;
    }
    while (dirent* e = ::readdir(d)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
        names.emplace_back(e->d_name);
    }
    ::closedir(d);
    return true;
}

bool replace_file(const std::string& from, const std::string& to) { return std::rename(from.c_str(), to.c_str()) == 0; }

}  // namespace sctx::platform
