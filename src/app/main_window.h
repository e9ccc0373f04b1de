#pragma once
// The window: builds the form (ui/main_window.ui) and wires its actions to the components that do the work —
// ModelManager, BatchController, ResultsModel/ResultsFilter, DetailsPanel, the exporter. No audio or model code
// lives here.
#include <QMainWindow>
#include <memory>

#include "export.h"
#include "settings.h"

class QLabel;
class QTableView;

namespace Ui {
class MainWindow;
}

namespace sctx::gui {

class BatchController;
class DetailsPanel;
class DropArea;
class ModelManager;
class RecentItems;
class BatchSummaryBar;
class ResultsFilter;
class ResultsModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `model_path` overrides the remembered/shipped model for this session (e.g. --model).
    explicit MainWindow(const QString& model_path = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Files and folders to classify (command line, drops, dialogs, recent items).
    void open_paths(const QStringList& paths);
    /// The earlier session's unfinished batch (see BatchController): finished files into the table, the rest
    /// queued. Returns the number queued. The banner offering it calls this too.
    int resume_unfinished();
    void discard_unfinished();
    /// The banner offering to resume an unfinished batch is up.
    bool resume_offered() const;
    /// Selects the first row once the batch is done (screenshots, demos).
    void set_select_first(bool on) { select_first_ = on; }
    /// Loads a model; on failure shows why and keeps the current one. Returns the reason (empty on success).
    QString load_model(const QString& path);
    /// Switches to a shipped model, "default" or "accurate" (Model ▸ Default (fast) / Accurate) and remembers the
    /// choice. On failure shows why and keeps the current one. Returns the reason (empty on success).
    QString load_shipped_model(const QString& which);
    /// Imports a PyTorch state_dict (best_model.pth) and loads the result. Returns the reason on failure.
    QString import_pth_path(const QString& path);
    /// Writes the rows shown (or only the selected ones). Returns the reason on failure, empty on success.
    QString export_table(const QString& path, ExportFormat format, bool selection_only);
    /// Writes the batch summary (files and recorded time per class, errors) as CSV. Returns the reason on failure.
    QString export_summary(const QString& path);
    /// The selected rows as tab-separated text, which Edit ▸ Copy puts on the clipboard.
    QString selected_rows_text() const;

    ResultsModel* results() const { return results_; }
    ResultsFilter* filter() const { return filter_; }
    BatchController* batch() const { return batch_; }
    ModelManager* models() const { return models_; }
    DropArea* drop_area() const;
    DetailsPanel* details() const;
    QTableView* table() const;
    BatchSummaryBar* summary_bar() const { return summary_bar_; }
    QString model_status() const;

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void setup_table();
    /// Widens File and Folder to the names of rows first..last (the first fill sets them), unless the user sized them.
    void fit_name_columns(int first, int last);
    void setup_actions();
    void apply_model();
    void apply_settings(const AppSettings& s);
    void update_classifier();
    void update_model_banner();
    void update_model_menu();
    void offer_resume();
    void on_progress(int done, int total, double seconds_left);
    void on_busy(bool busy);
    void show_current();
    std::vector<const struct ResultRow*> rows(bool selection_only) const;

    void choose_files();
    void choose_folder();
    void open_example();
    void open_user_guide();
    void export_dialog(bool selection_only);
    void export_summary_dialog();
    void copy_rows();
    void choose_model();
    void import_pth();
    void show_model_info();
    void show_settings();

    std::unique_ptr<Ui::MainWindow> ui_;
    BatchSummaryBar* summary_bar_ = nullptr;
    ModelManager* models_;
    ResultsModel* results_;
    ResultsFilter* filter_;
    BatchController* batch_;
    RecentItems* recent_;
    QLabel* model_label_;
    AppSettings settings_;
    QString startup_problem_;
    bool select_first_ = false;
    bool fitting_names_ = false;
    bool names_sized_by_user_ = false;
};

}  // namespace sctx::gui
