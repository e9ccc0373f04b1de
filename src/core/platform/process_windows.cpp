#include <chrono>
#include <thread>
#include <vector>

#include "platform/process.h"
#include "platform/windows_text.h"
#include "util/error.h"

namespace sctx::platform {

namespace {

// One argument as the C runtime's command-line parser (CommandLineToArgvW) reads it back: quoted when it has
// spaces, tabs or quotes; backslashes doubled only before a quote.
void append_quoted(std::wstring& line, const std::wstring& arg) {
    if (!line.empty()) line += L' ';
    if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) {
        line += arg;
        return;
    }
    line += L'"';
    for (size_t i = 0;; ++i) {
        size_t slashes = 0;
        while (i < arg.size() && arg[i] == L'\\') ++i, ++slashes;
        if (i == arg.size()) {
            line.append(slashes * 2, L'\\');
            break;
        }
        if (arg[i] == L'"')
            line.append(slashes * 2 + 1, L'\\');
        else
            line.append(slashes, L'\\');
        line += arg[i];
    }
    line += L'"';
}

struct Handle {
    HANDLE h = INVALID_HANDLE_VALUE;
    ~Handle() { close(); }
    void close() {
        if (h != INVALID_HANDLE_VALUE && h != nullptr) CloseHandle(h);
        h = INVALID_HANDLE_VALUE;
    }
};

HANDLE open_null(bool write) {
    SECURITY_ATTRIBUTES sa{sizeof sa, nullptr, TRUE};
    return CreateFileW(L"NUL", write ? GENERIC_WRITE : GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa,
                       OPEN_EXISTING, 0, nullptr);
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, double timeout_s, bool capture_stdout) {
    if (argv.empty()) throw Error("no program to run");
    std::wstring line;
    for (const auto& a : argv) append_quoted(line, win::widen(a));

    Handle in, err, out_read, out_write;
    in.h = open_null(false);
    err.h = open_null(true);
    if (capture_stdout) {
        SECURITY_ATTRIBUTES sa{sizeof sa, nullptr, TRUE};
        if (!CreatePipe(&out_read.h, &out_write.h, &sa, 0)) throw Error("cannot create a pipe");
        SetHandleInformation(out_read.h, HANDLE_FLAG_INHERIT, 0);  // only the child's end is inherited
    } else {
        out_write.h = open_null(true);
    }

    // Only these three handles go to the child: a child started by another thread at the same time must not
    // inherit our pipe (it would hold the write end open and our read would never see the end).
    HANDLE inherit[3] = {in.h, out_write.h, err.h};
    SIZE_T size = 0;
    InitializeProcThreadAttributeList(nullptr, 1, 0, &size);
    std::vector<char> attr_buf(size);
    auto* attrs = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(attr_buf.data());
    if (!InitializeProcThreadAttributeList(attrs, 1, 0, &size) ||
        !UpdateProcThreadAttribute(attrs, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherit, sizeof inherit, nullptr,
                                   nullptr))
        throw Error("cannot run " + argv[0] + ": cannot prepare its handles");
    STARTUPINFOEXW si{};
    si.StartupInfo.cb = sizeof si;
    si.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
    si.StartupInfo.hStdInput = in.h;
    si.StartupInfo.hStdOutput = out_write.h;
    si.StartupInfo.hStdError = err.h;
    si.lpAttributeList = attrs;

    PROCESS_INFORMATION pi{};
    std::vector<wchar_t> cmd(line.begin(), line.end());
    cmd.push_back(L'\0');
    const BOOL started =
        CreateProcessW(nullptr, cmd.data(), nullptr, nullptr, TRUE, EXTENDED_STARTUPINFO_PRESENT | CREATE_NO_WINDOW,
                       nullptr, nullptr, &si.StartupInfo, &pi);
    const DWORD start_error = GetLastError();
    DeleteProcThreadAttributeList(attrs);
    out_write.close();
    if (!started) throw Error("cannot run " + argv[0] + ": Windows error " + std::to_string(start_error));
    Handle process, thread;
    process.h = pi.hProcess;
    thread.h = pi.hThread;

    ProcessResult result;
    std::thread reader;
    if (capture_stdout)
        reader = std::thread([&] {
            char buf[4096];
            DWORD n = 0;
            while (ReadFile(out_read.h, buf, sizeof buf, &n, nullptr) && n > 0) result.output.append(buf, n);
        });
    const DWORD wait_ms = timeout_s <= 0 ? 0 : DWORD(timeout_s * 1000);
    if (WaitForSingleObject(process.h, wait_ms) == WAIT_TIMEOUT) {
        result.timed_out = true;
        TerminateProcess(process.h, 1);
        WaitForSingleObject(process.h, INFINITE);
    }
    if (reader.joinable()) reader.join();
    DWORD code = 0;
    if (!result.timed_out && GetExitCodeProcess(process.h, &code)) result.exit_code = int(code);
    return result;
}

bool program_on_path(const std::string& name) {
    wchar_t found[MAX_PATH];
    return SearchPathW(nullptr, win::widen(name).c_str(), L".exe", MAX_PATH, found, nullptr) > 0;
}

long current_process_id() { return long(GetCurrentProcessId()); }

std::string executable_path() {
    std::vector<wchar_t> buf(MAX_PATH);
    for (;;) {
        const DWORD n = GetModuleFileNameW(nullptr, buf.data(), DWORD(buf.size()));
        if (n == 0) return {};
        if (n < buf.size()) return win::narrow(buf.data());
        buf.resize(buf.size() * 2);  // long paths (\\?\ prefixes) exceed MAX_PATH
    }
}

}  // namespace sctx::platform
