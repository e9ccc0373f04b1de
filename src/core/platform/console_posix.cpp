#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>

#include "platform/console.h"

namespace sctx::platform {

bool is_terminal(std::FILE* f) { return f && ::isatty(fileno(f)); }

void on_interrupt(void (*handler)(int)) {
    struct sigaction sa {};
    sa.sa_handler = handler;  // no SA_RESTART: a blocking read returns, so the flag is seen soon
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

std::FILE* divert_stderr() {
    const int saved = ::dup(STDERR_FILENO);
    const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved < 0 || null_fd < 0) {
        if (saved >= 0) ::close(saved);
        if (null_fd >= 0) ::close(null_fd);
        return nullptr;
    }
    ::fcntl(saved, F_SETFD, FD_CLOEXEC);  // the synthesizers we start must not inherit it
    std::FILE* f = ::fdopen(saved, "w");
    if (!f) {
        ::close(saved);
        ::close(null_fd);
        return nullptr;
    }
    std::setvbuf(f, nullptr, _IOLBF, 0);
    std::fflush(stderr);
    ::dup2(null_fd, STDERR_FILENO);
    ::close(null_fd);
    return f;
}

bool sync_to_disk(std::FILE* f) { return std::fflush(f) == 0 && ::fsync(fileno(f)) == 0; }

}  // namespace sctx::platform
