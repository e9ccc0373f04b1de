#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <set>

#include "classify/input_files.h"
#include "test_support.h"
#include "util/error.h"

namespace {

namespace fs = std::filesystem;
using sctx::test::write_file;

TEST(InputFiles, FoldersAreWalkedRecursivelyByExtensionAnyCase) {
    sctx::test::TempDir d;
    fs::create_directories(d.path() / "a" / "b");
    write_file(d.file("a/one.WAV"), "x");
    write_file(d.file("a/b/two.Mp3"), "x");
    write_file(d.file("a/b/three.m4a"), "x");
    write_file(d.file("a/notes.txt"), "x");
    const auto list = sctx::collect_inputs({d.file("a")});
    ASSERT_EQ(list.files.size(), 3u);
    EXPECT_TRUE(std::is_sorted(list.files.begin(), list.files.end()));
    EXPECT_TRUE(list.problems.empty());
}

TEST(InputFiles, AFolderNamedLikeAudioIsStillAFolder) {
    sctx::test::TempDir d;
    fs::create_directories(d.path() / "x.wav");
    write_file(d.file("x.wav/inner.flac"), "x");
    const auto list = sctx::collect_inputs({d.path().string()});
    ASSERT_EQ(list.files.size(), 1u);
    EXPECT_NE(list.files[0].find("inner.flac"), std::string::npos);
}

TEST(InputFiles, SymlinkLoopsAreCutAndEverySymlinkedFileIsItsOwnRecord) {
    sctx::test::TempDir d;
    fs::create_directories(d.path() / "top" / "sub");
    write_file(d.file("top/sub/a.wav"), "x");
    fs::create_directory_symlink(d.path() / "top", d.path() / "top" / "sub" / "loop");
    fs::create_symlink(d.path() / "top" / "sub" / "a.wav", d.path() / "top" / "alias.wav");
    fs::create_symlink(d.path() / "top" / "sub" / "a.wav", d.path() / "top" / "alias2.wav");
    const auto list = sctx::collect_inputs({d.file("top")});
    const std::vector<std::string> expected = {d.file("top/alias.wav"), d.file("top/alias2.wav"),
                                               d.file("top/sub/a.wav")};
    EXPECT_EQ(list.files, expected);  // the loop adds nothing; the two symlinks are two paths
}

TEST(InputFiles, HardLinksOfOneClipAreDistinctFiles) {
    sctx::test::TempDir d;
    fs::create_directories(d.path() / "links");
    write_file(d.file("links/clip.wav"), "x");
    for (int i = 0; i < 50; ++i)
        fs::create_hard_link(d.path() / "links" / "clip.wav",
                             d.path() / "links" / ("copy" + std::to_string(i) + ".wav"));
    const auto list = sctx::collect_inputs({d.file("links")});
    EXPECT_EQ(list.files.size(), 51u);
    // Named on the command line too: a hard link given by the user is its own record, the same path only once.
    const auto named =
        sctx::collect_inputs({d.file("links/clip.wav"), d.file("links/copy0.wav"), d.file("links/clip.wav")});
    EXPECT_EQ(named.files.size(), 2u);
}

TEST(InputFiles, ASymlinkToASiblingFolderIsWalkedUnderItsOwnName) {
    sctx::test::TempDir d;
    fs::create_directories(d.path() / "root" / "real");
    write_file(d.file("root/real/a.wav"), "x");
    fs::create_directory_symlink(d.path() / "root" / "real", d.path() / "root" / "view");
    const auto list = sctx::collect_inputs({d.file("root")});
    const std::vector<std::string> expected = {d.file("root/real/a.wav"), d.file("root/view/a.wav")};
    EXPECT_EQ(list.files, expected);
}

TEST(InputFiles, OneFolderGivenTwiceIsWalkedOnce) {
    sctx::test::TempDir d;
    fs::create_directories(d.path() / "f");
    write_file(d.file("f/a.wav"), "x");
    fs::create_directory_symlink(d.path() / "f", d.path() / "g");
    const auto list = sctx::collect_inputs({d.file("f"), d.file("f"), d.file("g")});
    EXPECT_EQ(list.files.size(), 1u);
}

TEST(InputFiles, AFolderWithoutAudioIsReported) {
    sctx::test::TempDir d;
    fs::create_directories(d.path() / "empty");
    write_file(d.file("empty/readme.txt"), "x");
    const auto list = sctx::collect_inputs({d.file("empty")});
    EXPECT_TRUE(list.files.empty());
    ASSERT_EQ(list.problems.size(), 1u);
    EXPECT_NE(list.problems[0].second.find("no audio"), std::string::npos);
}

TEST(InputFiles, NamedFilesAreTakenWhateverTheirExtensionAndMissingOnesKept) {
    sctx::test::TempDir d;
    write_file(d.file("renamed.txt"), "x");
    const auto list = sctx::collect_inputs({d.file("renamed.txt"), d.file("missing.wav")});
    EXPECT_EQ(list.files.size(), 2u);  // both reach the classifier, which reports them
}

TEST(InputFiles, ShardsAreDisjointAndCoverEveryFileOnce) {
    std::vector<std::string> files;
    for (int i = 0; i < 103; ++i) files.push_back("f" + std::to_string(1000 + i));
    for (size_t n : {1u, 2u, 7u, 200u}) {
        std::multiset<std::string> seen;
        for (size_t k = 1; k <= n; ++k)
            for (const auto& f :
                 sctx::select_shard(files, sctx::parse_shard(std::to_string(k) + "/" + std::to_string(n))))
                seen.insert(f);
        EXPECT_EQ(seen.size(), files.size()) << n;
        EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), files.size()) << n;
    }
}

TEST(InputFiles, BadShardSpecsAreRefused) {
    for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0", "1/3x", ""})
        EXPECT_THROW(sctx::parse_shard(bad), sctx::Error) << bad;
}

}  // namespace
