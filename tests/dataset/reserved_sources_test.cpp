// What is reserved for evaluation stays out of training: the training tools' list covers every folder the
// evaluation builder (eval/reserved-paths.txt) reserves, and paths are recognised however they are written.
#include "dataset/reserved_sources.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

using namespace sctx::dataset;

TEST(ReservedSources, CoverEveryPackageFolderTheEvaluationSetReserves) {
    std::ifstream in(std::string(SOCIALCTX_SOURCE_DIR) + "/eval/reserved-paths.txt");
    ASSERT_TRUE(in) << "eval/reserved-paths.txt";
    std::string line;
    int checked = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("/usr/", 0) != 0) continue;  // package folders only
        EXPECT_TRUE(is_reserved_source(line + "some/file.wav")) << line;
        ++checked;
    }
    EXPECT_GE(checked, 6);
}

TEST(ReservedSources, RecogniseReservedPathsWrittenAnyWay) {
    EXPECT_TRUE(is_reserved_source("/usr/share/codec2/raw/hts1.raw"));
    EXPECT_TRUE(is_reserved_source("/usr/share/games/../codec2/raw/hts1.raw"));
    EXPECT_TRUE(is_reserved_source("/usr/share/pocketsphinx/test/data/goforward.raw"));
    EXPECT_TRUE(is_reserved_source("/usr/share/sounds/alsa/Front_Center.wav"));
    EXPECT_FALSE(is_reserved_source("/usr/share/games/fillets-ng/sound/x.ogg"));
    EXPECT_FALSE(is_reserved_source("/usr/share/sounds/alsa-other/x.wav"));
    EXPECT_EQ(reserved_packages().size(), 3u);
}
