#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

#include <cerrno>
#include <climits>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <thread>

#include "platform/process.h"
#include "util/error.h"

extern char** environ;

namespace sctx::platform {

namespace {

using Clock = std::chrono::steady_clock;

// Waits for pid until the deadline; kills it past the deadline. Returns the wait status.
int wait_with_deadline(pid_t pid, Clock::time_point deadline, bool& timed_out) {
    int status = 0;
    auto pause = std::chrono::microseconds(500);
    for (;;) {
        const pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) return status;
        if (r < 0 && errno != EINTR) return -1;
        if (Clock::now() > deadline) {
            timed_out = true;
            kill(pid, SIGKILL);
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
            return status;
        }
        std::this_thread::sleep_for(pause);
        if (pause < std::chrono::milliseconds(4)) pause *= 2;
    }
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, double timeout_s, bool capture_stdout) {
    if (argv.empty()) throw Error("no program to run");
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    int out_pipe[2] = {-1, -1};
    // O_CLOEXEC: a child started by another thread at the same time must not inherit our pipe (it would hold
    // the write end open and our read would never see the end).
    if (capture_stdout && pipe2(out_pipe, O_CLOEXEC) != 0)
        throw Error("cannot create a pipe: " + std::string(std::strerror(errno)));

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (capture_stdout)
        posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    else
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);

    pid_t pid = 0;
    const int err = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (capture_stdout) close(out_pipe[1]);
    if (err != 0) {
        if (capture_stdout) close(out_pipe[0]);
        throw Error("cannot run " + argv[0] + ": " + std::strerror(err));
    }

    const auto deadline = Clock::now() + std::chrono::milliseconds(int64_t(timeout_s * 1000));
    ProcessResult result;
    if (capture_stdout) {
        char buf[4096];
        for (;;) {
            pollfd pfd{out_pipe[0], POLLIN, 0};
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0) break;
            const int pr = poll(&pfd, 1, int(left));
            if (pr < 0 && errno == EINTR) continue;
            if (pr <= 0) break;
            const ssize_t n = read(out_pipe[0], buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            result.output.append(buf, size_t(n));
        }
        close(out_pipe[0]);
    }
    const int status = wait_with_deadline(pid, deadline, result.timed_out);
    if (status >= 0 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    return result;
}

bool program_on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
        struct stat st {};
        if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(candidate.c_str(), X_OK) == 0)
            return true;
    }
    return false;
}

long current_process_id() { return long(::getpid()); }

std::string executable_path() {
#if defined(__APPLE__)
    char buf[PATH_MAX];
    uint32_t size = sizeof buf;
    if (_NSGetExecutablePath(buf, &size) != 0) return {};
    return buf;
#else
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, size_t(n)) : std::string();
#endif
}

}  // namespace sctx::platform
