#include "results_model.h"

#include <QBrush>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <unordered_set>

#include "class_colors.h"
#include "classify/class_label.h"
#include "model/model_config.h"

namespace sctx::gui {

namespace {
QString qpath(const std::string& path) { return QFile::decodeName(QByteArray::fromStdString(path)); }
QString file_name_of(const std::string& path) { return QFileInfo(qpath(path)).fileName(); }
bool pending(RowStatus s) { return s == RowStatus::Queued || s == RowStatus::Running; }
}  // namespace

QString format_duration(double seconds) {
    if (seconds < 0) return {};
    const int total = int(seconds);
    const int h = total / 3600, m = (total / 60) % 60;
    const double s = seconds - double(total - total % 60);
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(int(s), 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 4, 'f', 1, QLatin1Char('0'));
}

std::string relative_folder(const std::string& file, const std::vector<std::string>& roots) {
    for (const auto& root : roots) {  // longest first: the nearest dropped folder
        if (file.size() <= root.size() + 1 || file.compare(0, root.size(), root) != 0 || file[root.size()] != '/')
            continue;
        const std::string rest = file.substr(root.size() + 1);
        const auto slash = rest.find_last_of('/');
        return slash == std::string::npos ? std::string() : rest.substr(0, slash);
    }
    return {};
}

std::string common_folder(const std::vector<std::string>& files) {
    if (files.empty()) return {};
    std::string common = files.front().substr(0, files.front().find_last_of('/') + 1);  // with its '/'
    for (const auto& f : files) {
        while (!common.empty() && f.compare(0, common.size(), common) != 0) {
            common.pop_back();  // drop the '/' and then the last name
            common.erase(common.find_last_of('/') + 1);
        }
    }
    if (common.size() > 1 && common.back() == '/') common.pop_back();
    return common;
}

ResultsModel::ResultsModel(QObject* parent) : QAbstractTableModel(parent), class_names_(default_class_names()) {}

void ResultsModel::set_class_names(const std::vector<std::string>& names) {
    if (names == class_names_) return;
    beginResetModel();
    class_names_ = names;
    endResetModel();
}

void ResultsModel::set_min_confidence(double min_confidence) {
    if (min_confidence == min_confidence_) return;
    min_confidence_ = min_confidence;
    if (!rows_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool ResultsModel::is_uncertain(const ResultRow& r) const {
    return r.status == RowStatus::Done && sctx::is_uncertain(r.result.confidence, min_confidence_);
}

void ResultsModel::add_roots(const std::vector<std::string>& folders) {
    for (std::string f : folders) {
        while (f.size() > 1 && f.back() == '/') f.pop_back();
        if (f.empty() || std::find(roots_.begin(), roots_.end(), f) != roots_.end()) continue;
        roots_.push_back(std::move(f));
    }
    std::stable_sort(roots_.begin(), roots_.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

QString ResultsModel::folder_of(const std::string& file) const { return qpath(relative_folder(file, roots_)); }

std::vector<int> ResultsModel::add_files(const std::vector<std::string>& files) {
    std::vector<int> queued;
    std::vector<std::string> fresh;
    std::unordered_set<std::string> seen;  // a folder of 100,000 files must not cost n^2 comparisons
    for (const auto& f : files) {
        auto it = by_path_.find(f);
        if (it == by_path_.end()) {
            if (seen.insert(f).second) fresh.push_back(f);
            continue;
        }
        ResultRow& r = rows_[size_t(it->second)];
        if (pending(r.status)) continue;  // already on its way: a second drop of the same file is not new work
        r = ResultRow{};
        r.result.file = f;
        r.folder = folder_of(f);
        queued.push_back(it->second);
        Q_EMIT dataChanged(index(it->second, 0), index(it->second, columnCount() - 1));
    }
    if (!fresh.empty()) {
        const int first = int(rows_.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (auto& f : fresh) {
            ResultRow r;
            r.result.file = f;
            r.folder = folder_of(f);
            by_path_.emplace(f, int(rows_.size()));
            queued.push_back(int(rows_.size()));
            rows_.push_back(std::move(r));
        }
        endInsertRows();
    }
    return queued;
}

void ResultsModel::add_problems(const std::vector<std::pair<std::string, std::string>>& problems) {
    std::vector<FileResult> results;
    for (const auto& [path, reason] : problems) {
        FileResult r;
        r.file = path;
        r.ok = false;
        r.error = reason;
        results.push_back(std::move(r));
    }
    add_results(std::move(results));
}

void ResultsModel::add_results(std::vector<FileResult>&& results) {
    if (results.empty()) return;
    // Known paths are updated in place; the rest are appended in one insertion (a path twice: the last wins).
    std::vector<RowUpdate> updates;
    std::vector<FileResult> fresh;
    std::unordered_map<std::string, size_t> fresh_index;
    for (auto& r : results) {
        auto it = by_path_.find(r.file);
        if (it != by_path_.end()) {
            RowUpdate u;
            u.row = it->second;
            u.status = r.ok ? RowStatus::Done : RowStatus::Failed;
            u.result = std::move(r);
            updates.push_back(std::move(u));
        } else if (auto f = fresh_index.find(r.file); f != fresh_index.end()) {
            fresh[f->second] = std::move(r);
        } else {
            fresh_index.emplace(r.file, fresh.size());
            fresh.push_back(std::move(r));
        }
    }
    apply(std::move(updates));
    if (fresh.empty()) return;
    const int first = int(rows_.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (auto& r : fresh) {
        ResultRow row;
        row.status = r.ok ? RowStatus::Done : RowStatus::Failed;
        row.result = std::move(r);
        row.folder = folder_of(row.result.file);
        by_path_.emplace(row.result.file, int(rows_.size()));
        rows_.push_back(std::move(row));
    }
    endInsertRows();
}

void ResultsModel::apply(std::vector<RowUpdate>&& updates) {
    if (updates.empty()) return;
    int lo = int(rows_.size()), hi = -1;
    for (auto& u : updates) {
        if (u.row < 0 || u.row >= int(rows_.size())) continue;
        ResultRow& r = rows_[size_t(u.row)];
        if (u.status == RowStatus::Running) {
            if (r.status != RowStatus::Queued) continue;  // a late "started" after a cancel must not revive a row
            r.status = RowStatus::Running;
        } else {
            const std::string file = r.result.file;
            r.status = u.status;
            r.result = std::move(u.result);
            r.result.file = file;
        }
        lo = std::min(lo, u.row);
        hi = std::max(hi, u.row);
    }
    if (hi >= lo) Q_EMIT dataChanged(index(lo, 0), index(hi, columnCount() - 1));
}

void ResultsModel::cancel_pending() {
    int lo = int(rows_.size()), hi = -1;
    for (size_t i = 0; i < rows_.size(); ++i) {
        if (!pending(rows_[i].status)) continue;
        rows_[i].status = RowStatus::Cancelled;
        lo = std::min(lo, int(i));
        hi = std::max(hi, int(i));
    }
    if (hi >= lo) Q_EMIT dataChanged(index(lo, 0), index(hi, columnCount() - 1));
}

void ResultsModel::clear() {
    beginResetModel();
    rows_.clear();
    by_path_.clear();
    roots_.clear();
    endResetModel();
}

int ResultsModel::find(const std::string& path) const {
    auto it = by_path_.find(path);
    return it == by_path_.end() ? -1 : it->second;
}

int ResultsModel::count(RowStatus status) const {
    return int(std::count_if(rows_.begin(), rows_.end(), [&](const ResultRow& r) { return r.status == status; }));
}

int ResultsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int ResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : FirstProbabilityColumn + int(class_names_.size());
}

QString ResultsModel::status_text(RowStatus s) {
    switch (s) {
        case RowStatus::Queued: return tr("Queued");
        case RowStatus::Running: return tr("Classifying…");
        case RowStatus::Done: return tr("OK");
        case RowStatus::Failed: return tr("Error");
        case RowStatus::Cancelled: return tr("Cancelled");
    }
    return {};
}

float ResultsModel::probability(const ResultRow& r, int column) const {
    const size_t c = size_t(column - FirstProbabilityColumn);
    if (r.status != RowStatus::Done || c >= r.result.probabilities.size()) return -1.f;
    return r.result.probabilities[c];
}

QVariant ResultsModel::display(const ResultRow& r, int column) const {
    const bool done = r.status == RowStatus::Done;
    switch (column) {
        case FileColumn: return file_name_of(r.result.file);
        case FolderColumn: return r.folder;
        case StatusColumn:
            if (r.status == RowStatus::Failed) return tr("Error: %1").arg(QString::fromStdString(r.result.error));
            return status_text(r.status);
        case DurationColumn: return done ? format_duration(r.result.duration_s) : QString();
        case ClassColumn:
            if (!done || r.result.label_index < 0 || size_t(r.result.label_index) >= class_names_.size()) return {};
            if (is_uncertain(r))
                return tr("Uncertain (%1)").arg(QString::fromStdString(class_names_[size_t(r.result.label_index)]));
            return QString::fromStdString(class_names_[size_t(r.result.label_index)]);
        case ConfidenceColumn:
            return done ? QStringLiteral("%1%").arg(double(r.result.confidence) * 100.0, 0, 'f', 0) : QString();
        default: {
            const float p = probability(r, column);
            return p < 0 ? QString() : QString::number(double(p), 'f', 2);
        }
    }
}

QVariant ResultsModel::sort_key(const ResultRow& r, int column) const {
    const bool done = r.status == RowStatus::Done;
    switch (column) {
        case FileColumn: return file_name_of(r.result.file).toLower();
        case FolderColumn: return r.folder.toLower();
        case StatusColumn: return int(r.status);
        case DurationColumn: return done ? r.result.duration_s : -1.0;
        case ClassColumn: return done ? r.result.label_index : -1;
        case ConfidenceColumn: return done ? double(r.result.confidence) : -1.0;
        default: return double(probability(r, column));
    }
}

QVariant ResultsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(rows_.size())) return {};
    const ResultRow& r = rows_[size_t(index.row())];
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole: return display(r, column);
        case SortRole: return sort_key(r, column);
        case StatusRole: return int(r.status);
        case ClassIndexRole: return r.status == RowStatus::Done ? r.result.label_index : -1;
        case ProbabilityRole:
            return column >= FirstProbabilityColumn ? QVariant(double(probability(r, column))) : QVariant();
        case PathRole: return qpath(r.result.file);
        case UncertainRole: return is_uncertain(r);
        case Qt::ToolTipRole:
            if (column == ClassColumn && is_uncertain(r))
                return tr("Confidence %1 % is below the minimum of %2 %")
                    .arg(double(r.result.confidence) * 100.0, 0, 'f', 0)
                    .arg(min_confidence_ * 100.0, 0, 'f', 0);
            if (column == FileColumn) return qpath(r.result.file);
            if (column == FolderColumn) return QFileInfo(qpath(r.result.file)).absolutePath();
            if (column == StatusColumn && r.status == RowStatus::Failed) return QString::fromStdString(r.result.error);
            if (column >= FirstProbabilityColumn && size_t(column - FirstProbabilityColumn) < class_names_.size())
                return QString::fromStdString(class_names_[size_t(column - FirstProbabilityColumn)]);
            return {};
        case Qt::ForegroundRole:
            if (column == StatusColumn && r.status == RowStatus::Failed) return QBrush(QColor(0xB0, 0x20, 0x20));
            if (r.status == RowStatus::Cancelled || r.status == RowStatus::Queued ||
                (column == ClassColumn && is_uncertain(r)))
                return QBrush(QColor(0x80, 0x80, 0x80));
            return {};
        case Qt::DecorationRole:
            if (column == ClassColumn && r.status == RowStatus::Done) return class_color(r.result.label_index);
            return {};
        case Qt::TextAlignmentRole:
            if (column == DurationColumn || column == ConfidenceColumn)
                return QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
            return {};
        default: return {};
    }
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    const bool is_class =
        section >= FirstProbabilityColumn && size_t(section - FirstProbabilityColumn) < class_names_.size();
    if (role == Qt::ToolTipRole && is_class)
        return tr("Probability of “%1”")
            .arg(QString::fromStdString(class_names_[size_t(section - FirstProbabilityColumn)]));
    if (role != Qt::DisplayRole) return {};
    switch (section) {
        case FileColumn: return tr("File");
        case FolderColumn: return tr("Folder");
        case StatusColumn: return tr("Status");
        case DurationColumn: return tr("Duration");
        case ClassColumn: return tr("Class");
        case ConfidenceColumn: return tr("Confidence");
        default:
            if (is_class)
                return short_class_name(QString::fromStdString(class_names_[size_t(section - FirstProbabilityColumn)]));
            return {};
    }
}

}  // namespace sctx::gui
