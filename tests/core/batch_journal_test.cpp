// The on-disk batch the desktop app pauses and resumes on: real files, a real (untrained) model, the journal
// reopened as a new process would after a quit, a crash mid-record or files changed in between.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "audio/wav_writer.h"
#include "classify/batch_journal.h"
#include "classify/classifier.h"
#include "model_fixture.h"
#include "util/error.h"
#include "test_support.h"

namespace {

using sctx::BatchJournal;
using sctx::test::TempDir;

struct JournalFixture : ::testing::Test {
    TempDir tmp;
    std::vector<std::string> files;
    std::shared_ptr<const sctx::Model> model = sctx::test::untrained_model();
    sctx::Classifier classifier{model, {}};
    const std::vector<std::string>& names() const { return model->config().class_names; }
    std::string dir() const { return tmp.file("state/batch"); }  // two levels that do not exist yet

    void SetUp() override {
        for (int i = 0; i < 6; ++i) {
            files.push_back(tmp.file("clip" + std::to_string(i) + ".wav"));
            sctx::write_wav(files.back(), sctx::test::tone(200.0 + 100 * i, 1.0 + i * 0.5), 16000);
        }
        files.push_back(tmp.file("name-\xff\xfe-not-utf8.wav"));
        sctx::write_wav(files.back(), sctx::test::tone(900, 1.0), 16000);
    }
};

TEST_F(JournalFixture, ReopenedJournalHasTheFinishedAndThePendingFiles) {
    {
        BatchJournal j(dir(), names());
        j.add_inputs(files);
        for (size_t i = 0; i < 3; ++i) j.record(classifier.classify_file(files[i]));
        j.record(classifier.classify_file(files.back()));  // the non-UTF-8 name, out of order
        EXPECT_EQ(j.pending(), 3u);
    }  // the app quits here
    BatchJournal j(dir(), names());
    const sctx::JournalContents c = j.reopen();
    ASSERT_EQ(c.finished.size(), 4u);
    EXPECT_EQ(c.finished[0].file, files[0]);
    EXPECT_EQ(c.finished[3].file, files.back());
    EXPECT_TRUE(c.finished[3].ok) << c.finished[3].error;
    EXPECT_EQ(c.pending, (std::vector<std::string>{files[3], files[4], files[5]}));
    EXPECT_EQ(c.resume.kept, 4u);

    // The rest goes on appending to the same journal; reopened again nothing is left and nothing is twice.
    for (const auto& f : c.pending) j.record(classifier.classify_file(f));
    const sctx::JournalContents done = BatchJournal(dir(), names()).reopen();
    EXPECT_TRUE(done.pending.empty());
    EXPECT_EQ(done.finished.size(), files.size());
    std::set<std::string> unique;
    for (const auto& r : done.finished) unique.insert(r.file);
    EXPECT_EQ(unique.size(), files.size());
}

TEST_F(JournalFixture, TornRecordAndChangedFileAreDoneAgain) {
    {
        BatchJournal j(dir(), names());
        j.add_inputs(files);
        for (size_t i = 0; i < 4; ++i) j.record(classifier.classify_file(files[i]));
    }
    // A kill -9 in the middle of the next record, and a file rewritten since it was classified.
    std::string text = sctx::test::read_file(dir() + "/results.jsonl");
    sctx::test::write_file(dir() + "/results.jsonl", text + "{\"file\":\"" + files[4] + "\",\"status\":\"o");
    sctx::write_wav(files[1], sctx::test::tone(250, 2.0), 16000);
    std::filesystem::last_write_time(files[1], std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));

    const sctx::JournalContents c = BatchJournal(dir(), names()).reopen();
    EXPECT_EQ(c.resume.dropped_torn, 1u);
    EXPECT_EQ(c.resume.dropped_stale, 1u);
    ASSERT_EQ(c.finished.size(), 3u);
    EXPECT_EQ(c.finished[0].file, files[0]);
    EXPECT_EQ(c.finished[1].file, files[2]);
    EXPECT_EQ(c.finished[2].file, files[3]);
    EXPECT_EQ(c.pending, (std::vector<std::string>{files[1], files[4], files[5], files.back()}));
}

TEST_F(JournalFixture, FailedFilesAreFinishedToo) {
    const std::string broken = tmp.file("broken.wav");
    sctx::test::write_file(broken, "RIFF....WAVE and then no chunks at all");
    {
        BatchJournal j(dir(), names());
        j.add_inputs({broken, files[0]});
        j.record(classifier.classify_file(broken));
    }
    const sctx::JournalContents c = BatchJournal(dir(), names()).reopen();
    ASSERT_EQ(c.finished.size(), 1u);
    EXPECT_FALSE(c.finished[0].ok);
    EXPECT_EQ(c.finished[0].file, broken);
    EXPECT_NE(c.finished[0].error.find("not a readable audio file"), std::string::npos) << c.finished[0].error;
    EXPECT_EQ(c.pending, std::vector<std::string>{files[0]});
}

TEST_F(JournalFixture, CancelDropsThePendingAndDiscardEmpties) {
    BatchJournal j(dir(), names());
    j.add_inputs(files);
    j.record(classifier.classify_file(files[2]));
    j.drop_pending();
    EXPECT_EQ(j.pending(), 0u);
    j.add_inputs({files[5]});  // a new drop after the cancel
    EXPECT_EQ(j.pending(), 1u);
    sctx::JournalContents c = BatchJournal(dir(), names()).reopen();
    EXPECT_EQ(c.finished.size(), 1u);
    EXPECT_EQ(c.pending, std::vector<std::string>{files[5]});

    j.discard();
    EXPECT_FALSE(std::filesystem::exists(dir() + "/results.jsonl"));
    c = BatchJournal(dir(), names()).reopen();
    EXPECT_TRUE(c.finished.empty());
    EXPECT_TRUE(c.pending.empty());
}

TEST_F(JournalFixture, UnwritableFolderIsAClearError) {
    // A regular file where the folder should be: creating it fails for root too (CI runs as root).
    sctx::test::write_file(tmp.file("state"), "a file, not a folder");
    BatchJournal j(dir(), names());
    try {
        j.record(classifier.classify_file(files[0]));
        FAIL() << "no error";
    } catch (const sctx::Error& e) {
        EXPECT_NE(std::string(e.what()).find("state/batch"), std::string::npos) << e.what();
    }
}

}  // namespace
