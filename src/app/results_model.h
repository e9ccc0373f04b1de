#pragma once
// The table of files and what became of them: one row per file, filled in as results arrive. Rows are added and
// updated in batches (one insert or one dataChanged per batch), so 10,000 rows stay smooth; the view draws
// everything through roles and a delegate, never through per-row widgets.
#include <QAbstractTableModel>
#include <QStringList>
#include <string>
#include <unordered_map>
#include <vector>

#include "classify/file_result.h"

namespace sctx::gui {

enum class RowStatus { Queued, Running, Done, Failed, Cancelled };

struct ResultRow {
    FileResult result;  ///< result.file is always set; the rest once the file is done
    RowStatus status = RowStatus::Queued;
    /// The file's folder relative to the folder the user dropped ("formats", "2024/june"); empty at that folder's
    /// top and for a file named by itself. Kept with the row so painting and sorting 10,000 rows cost nothing.
    QString folder;
};

/// A finished or started file on its way to the table.
struct RowUpdate {
    int row = -1;
    RowStatus status = RowStatus::Running;
    FileResult result;  ///< used when status is Done or Failed
};

class ResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        FileColumn,
        FolderColumn,
        StatusColumn,
        DurationColumn,
        ClassColumn,
        ConfidenceColumn,
        FirstProbabilityColumn
    };
    enum Role {
        SortRole = Qt::UserRole + 1,  ///< numbers for numeric columns, so sorting is not by text
        StatusRole,                   ///< int(RowStatus)
        ClassIndexRole,               ///< predicted class, -1 if none
        ProbabilityRole,              ///< float in [0, 1] for probability columns, -1 if none
        PathRole,                     ///< full path
        UncertainRole,                ///< bool: classified, but below the minimum confidence
    };

    explicit ResultsModel(QObject* parent = nullptr);

    /// Column headers and probability columns follow the model's classes.
    void set_class_names(const std::vector<std::string>& names);
    const std::vector<std::string>& class_names() const { return class_names_; }

    /// Results below it (0-1; 0 = off) show "Uncertain (best guess)" as their class, in grey; their probabilities
    /// stay. Applies to every row at once (one dataChanged).
    void set_min_confidence(double min_confidence);
    double min_confidence() const { return min_confidence_; }
    bool is_uncertain(const ResultRow& r) const;

    /// Folders the user dropped: the Folder column of the files under them is relative to them (the nearest one
    /// wins). Kept until clear().
    void add_roots(const std::vector<std::string>& folders);
    /// Adds files as Queued (one insertion). A file already in the table is queued again unless it is still
    /// waiting or running. Returns the rows to classify, in the order given.
    std::vector<int> add_files(const std::vector<std::string>& files);
    /// Inputs that failed before classification (a folder with no audio, a missing path): error rows.
    void add_problems(const std::vector<std::pair<std::string, std::string>>& problems);
    /// Applies a batch of updates with one dataChanged over the rows touched.
    void apply(std::vector<RowUpdate>&& updates);
    /// Marks rows still Queued or Running as Cancelled.
    void cancel_pending();
    /// For tests and the 10,000-row case: appends finished results directly.
    void add_results(std::vector<FileResult>&& results);
    void clear();

    const ResultRow& row_at(int row) const { return rows_[size_t(row)]; }
    int find(const std::string& path) const;
    int count(RowStatus status) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString status_text(RowStatus s);

private:
    QVariant display(const ResultRow& r, int column) const;
    QVariant sort_key(const ResultRow& r, int column) const;
    float probability(const ResultRow& r, int column) const;
    QString folder_of(const std::string& file) const;

    std::vector<std::string> class_names_;
    double min_confidence_ = 0;
    std::vector<ResultRow> rows_;
    std::unordered_map<std::string, int> by_path_;
    std::vector<std::string> roots_;  ///< without a trailing '/', longest first
};

/// The folder of `file` relative to the longest of `roots` that holds it ("" at a root's top or under none).
std::string relative_folder(const std::string& file, const std::vector<std::string>& roots);
/// The deepest folder holding every one of `files` ("" if they share none).
std::string common_folder(const std::vector<std::string>& files);

/// "1:23.4" style durations; hours when needed.
QString format_duration(double seconds);

}  // namespace sctx::gui
