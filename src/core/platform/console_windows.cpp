#include <fcntl.h>
#include <io.h>

#include <csignal>
#include <cstdio>

#include "platform/console.h"
#include "platform/windows_text.h"

namespace sctx::platform {

bool is_terminal(std::FILE* f) { return f && _isatty(_fileno(f)); }

void on_interrupt(void (*handler)(int)) {
    // The C runtime maps Ctrl-C to SIGINT and Ctrl-Break to SIGBREAK; SIGTERM is never raised by the system, but a
    // program may raise it.
    std::signal(SIGINT, handler);
    std::signal(SIGTERM, handler);
#ifdef SIGBREAK
    std::signal(SIGBREAK, handler);
#endif
}

std::FILE* divert_stderr() {
    const int saved = _dup(_fileno(stderr));
    const int null_fd = _open("NUL", _O_WRONLY);
    if (saved < 0 || null_fd < 0) {
        if (saved >= 0) _close(saved);
        if (null_fd >= 0) _close(null_fd);
        return nullptr;
    }
    std::FILE* f = _fdopen(saved, "w");
    if (!f) {
        _close(saved);
        _close(null_fd);
        return nullptr;
    }
    std::setvbuf(f, nullptr, _IONBF, 0);  // the Windows C runtime has no line buffering (_IOLBF is full buffering)
    std::fflush(stderr);
    _dup2(null_fd, _fileno(stderr));
    _close(null_fd);
    return f;
}

bool sync_to_disk(std::FILE* f) { return std::fflush(f) == 0 && _commit(_fileno(f)) == 0; }

}  // namespace sctx::platform
