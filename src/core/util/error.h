#pragma once
// The one exception type the core throws. Its message is a reason a user can act on ("truncated WAV header",
// "no audio stream"); the batch layer pairs it with the file name and turns it into an error row.
#include <stdexcept>
#include <string>

namespace sctx {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace sctx
