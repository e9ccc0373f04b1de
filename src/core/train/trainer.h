#pragma once
// The training loop: Adam on class-weighted cross-entropy, early stopping on validation loss, the best epoch's
// weights kept and saved. The only file of the training stage that includes LibTorch.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/model_config.h"
#include "train/augment.h"
#include "train/feature_set.h"
#include "train/metrics.h"

namespace sctx::train {

struct TrainOptions {
    ModelConfig config;  ///< architecture, classes and preprocessing of the model to train
    int max_epochs = 30;
    int patience = 5;         ///< epochs without a lower validation loss before stopping
    double lr = 1e-3;         ///< Adam learning rate
    double weight_decay = 0;  ///< Adam L2 penalty
    /// Halve the learning rate after this many epochs without a lower validation loss (0: constant rate). Below
    /// `patience` it gives the model a few slower epochs before early stopping gives up.
    int lr_plateau = 0;
    int batch_size = 32;
    uint64_t seed = 1;
    int threads = 1;            ///< LibTorch intra-op threads
    bool class_weights = true;  ///< weight the loss by inverse class frequency (sklearn's "balanced")
    AugmentOptions augment;
    std::string out_path;  ///< the best model so far is (re)written here after every improvement
};

struct EpochStats {
    int epoch = 0;
    double train_loss = 0, train_acc = 0;
    double val_loss = 0, val_acc = 0, val_macro_f1 = 0;
    double seconds = 0;
    double lr = 0;      ///< learning rate used in this epoch
    bool best = false;  ///< lowest validation loss so far (the checkpoint was written)
};

struct TrainResult {
    std::vector<EpochStats> history;
    int best_epoch = 0;
    bool stopped_early = false;
    std::vector<double> class_weights;
    ClassificationReport val;   ///< best checkpoint on the validation split
    ClassificationReport test;  ///< best checkpoint on the test split (empty if there is none)
    bool has_test = false;
};

/// Trains, calling on_epoch after each epoch, and leaves the best checkpoint at options.out_path (eval mode,
/// config embedded; loads with Model::load). Throws sctx::Error (no training or validation rows, unwritable
/// output).
TrainResult train_model(const FeatureSet& data, const TrainOptions& options,
                        const std::function<void(const EpochStats&)>& on_epoch = {});

}  // namespace sctx::train
