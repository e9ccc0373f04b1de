// Nothing leaves the machine: our programs link no network library themselves, make no internet sockets, and give
// the same results inside a network namespace with no interfaces at all.
#include <unistd.h>

#include "cli_fixture.h"

namespace {

using namespace sctx::test;

class NoNetwork : public CliTest {};

std::string direct_libraries(const std::string& binary) {
    return run("readelf -d " + quote(binary) + " | grep NEEDED").out;
}

TEST_F(NoNetwork, ProgramsLinkNoNetworkLibraryDirectly) {
    std::vector<std::string> binaries = {cli()};
#ifdef SOCIALCTX_GUI
    binaries.push_back(SOCIALCTX_GUI);
#endif
    for (const auto& b : binaries) {
        const std::string libs = direct_libraries(b);
        ASSERT_NE(libs.find("NEEDED"), std::string::npos) << b;
        for (const char* net : {"Qt6Network", "libcurl", "libssl", "libgnutls", "libssh", "libzmq", "libQt5Network"})
            EXPECT_EQ(libs.find(net), std::string::npos) << b << " links " << net;
    }
}

TEST_F(NoNetwork, ClassifyOpensNoInternetSocket) {
    if (!have_program("strace")) GTEST_SKIP() << "strace is not installed";
    wav("s/a.wav", 2.0);
    const std::string trace = dir_.file("trace.txt");
    const auto r = run("strace -f -qq -e trace=socket,connect -o " + quote(trace) + " " + cli() +
                       " classify --format jsonl --model " + quote(model_) + " " + quote(dir_.file("s")) + " 2>&1");
    ASSERT_EQ(r.status, 0) << r.out;
    const std::string calls = read_file(trace);
    EXPECT_EQ(calls.find("AF_INET"), std::string::npos) << calls;
    EXPECT_EQ(calls.find("AF_INET6"), std::string::npos) << calls;
}

TEST_F(NoNetwork, SameResultsInsideANamespaceWithoutNetwork) {
    if (::geteuid() != 0 || run("unshare -n true 2>/dev/null").status != 0)
        GTEST_SKIP() << "unshare -n needs root (CI runs as root)";
    wav("n/a.wav", 2.0);
    wav("n/b.wav", 5.0, 2);
    const std::string args =
        " classify --format jsonl --threads 1 --model " + quote(model_) + " " + quote(dir_.file("n"));
    const auto outside = run(cli() + args + " 2>/dev/null");
    const auto inside = run("unshare -n " + cli() + args + " 2>/dev/null");
    ASSERT_EQ(outside.status, 0);
    ASSERT_EQ(inside.status, 0);
    EXPECT_EQ(parse_lines(inside.out).size(), 2u);
    EXPECT_EQ(inside.out, outside.out);
    // And a path that looks like a URL is only ever a file name.
    const auto url = run("unshare -n " + cli() + " classify --format jsonl --model " + quote(model_) +
                         " http://127.0.0.1:9/x.mp3 2>/dev/null");
    EXPECT_EQ(url.status, 1);
    EXPECT_NE(url.out.find("No such file"), std::string::npos) << url.out;
}

}  // namespace
