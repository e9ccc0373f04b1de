// Arbitrary bytes as a torch.save()d state_dict through the importer's reader (zip directory, LibTorch's zip
// reader, our safe unpickler, tensor views). Every failure must be an sctx::Error; what it returns must be
// self-consistent.
#include <cstdint>
#include <cstdlib>

#include "import/pth_reader.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        const sctx::StateDict dict = sctx::read_state_dict_from_memory(data, size);
        for (const sctx::StateTensor& t : dict.tensors) {
            uint64_t numel = 1;
            for (int64_t s : t.shape) {
                if (s < 0) std::abort();
                numel *= uint64_t(s);
            }
            if (t.data.size() != numel * sctx::dtype_size(t.dtype)) std::abort();
            if (t.to_floats().size() != numel || t.to_ints().size() != numel) std::abort();
            (void)sctx::shape_string(t.shape);
        }
    } catch (const sctx::Error&) {}
    return 0;
}
