#include "main_window.h"

#include <QActionGroup>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QStyle>
#include <QUrl>

#include "about_dialog.h"
#include "app_resources.h"
#include "batch_controller.h"
#include "batch_summary_bar.h"
#include "details_panel.h"
#include "drop_area.h"
#include "example_clips.h"
#include "model_manager.h"
#include "model_import_action.h"
#include "probability_bar_delegate.h"
#include "recent_items.h"
#include "results_filter.h"
#include "results_model.h"
#include "settings_dialog.h"
#include "ui_main_window.h"

namespace sctx::gui {

MainWindow::MainWindow(const QString& model_path, QWidget* parent)
    : QMainWindow(parent),
      ui_(std::make_unique<Ui::MainWindow>()),
      models_(new ModelManager(this)),
      results_(new ResultsModel(this)),
      filter_(new ResultsFilter(this)),
      batch_(new BatchController(results_, this)),
      model_label_(new QLabel(this)),
      settings_(AppSettings::load()) {
    socialctx_init_app_resources();
    ui_->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/socialctx.svg")));
    recent_ = new RecentItems(ui_->menuRecent, this);
    filter_->setSourceModel(results_);
    summary_bar_ = new BatchSummaryBar(results_, this);
    ui_->tableLayout->addWidget(summary_bar_);
    setup_table();
    setup_actions();
    // Tab walks the window as the eye does: drop area, filter, table, details, batch controls.
    QList<QWidget*> order = {ui_->dropArea,    ui_->dropArea->links(), ui_->searchEdit,
                             ui_->classFilter, ui_->statusFilter,      ui_->resultsView};
    order += ui_->detailsPanel->focus_chain();
    order += {ui_->pauseButton, ui_->cancelButton};
    for (int i = 0; i + 1 < order.size(); ++i) setTabOrder(order[i], order[i + 1]);
    statusBar()->addPermanentWidget(model_label_);
    model_label_->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    connect(model_label_, &QLabel::linkActivated, this, &MainWindow::show_model_info);
    ui_->batchBar->hide();
    ui_->resumeBanner->hide();
    connect(batch_, &BatchController::journal_failed, this, [this](const QString& reason) {
        statusBar()->showMessage(tr("The batch cannot be saved for resuming (%1); it goes on, but quitting loses "
                                    "what is not done.")
                                     .arg(reason));
    });
    // The batch is journalled in the app's data folder: pausing and quitting (or a crash) loses no finished file.
    batch_->set_journal_dir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                            QStringLiteral("/batch"));
    connect(ui_->resumeBanner, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String("resume"))
            resume_unfinished();
        else
            discard_unfinished();
    });

    connect(models_, &ModelManager::model_changed, this, &MainWindow::apply_model);
    connect(batch_, &BatchController::progress, this, &MainWindow::on_progress);
    connect(batch_, &BatchController::busy_changed, this, &MainWindow::on_busy);
    apply_settings(settings_);
    startup_problem_ = models_->load_initial(model_path);
    apply_model();

    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    if (!ui_->splitter->restoreState(s.value(QStringLiteral("window/splitter")).toByteArray()))
        ui_->splitter->setSizes({880, 500});
}

MainWindow::~MainWindow() = default;

DropArea* MainWindow::drop_area() const { return ui_->dropArea; }
DetailsPanel* MainWindow::details() const { return ui_->detailsPanel; }
QTableView* MainWindow::table() const { return ui_->resultsView; }
QString MainWindow::model_status() const { return model_label_->text(); }

void MainWindow::setup_table() {
    QTableView* view = ui_->resultsView;
    view->setModel(filter_);
    // Tab leaves the table for the details (arrow keys move between rows); with tab navigation on, a keyboard user
    // would be stuck cycling through its cells.
    view->setTabKeyNavigation(false);
    // Where a name must be cut (a narrow window): "conversa…voices.wav", the start and the extension both matter.
    view->setTextElideMode(Qt::ElideMiddle);
    view->sortByColumn(ResultsModel::FileColumn, Qt::AscendingOrder);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);  // no per-row measuring with 10,000 rows
    QHeaderView* h = view->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);  // File and Folder are sized to their names: fit_name_columns
    h->setMinimumSectionSize(40);
    h->resizeSection(ResultsModel::FileColumn, 200);
    h->resizeSection(ResultsModel::FolderColumn, 80);
    connect(h, &QHeaderView::sectionResized, this, [this](int column, int, int) {
        if (!fitting_names_ && (column == ResultsModel::FileColumn || column == ResultsModel::FolderColumn))
            names_sized_by_user_ = true;  // the user's width stays
    });
    connect(results_, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { fit_name_columns(first, last); });
    connect(results_, &QAbstractItemModel::modelReset, this, [this] {
        if (results_->rowCount() == 0) names_sized_by_user_ = false;  // cleared: the next batch is fitted afresh
    });
    view->addActions({ui_->actionCopy, ui_->actionExportSelection});
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::show_current);
    connect(results_, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
        const QModelIndex current = filter_->mapToSource(ui_->resultsView->currentIndex());
        if (current.isValid() && current.row() >= from.row() && current.row() <= to.row()) show_current();
    });
    connect(results_, &QAbstractItemModel::modelReset, this, &MainWindow::show_current);
    connect(results_, &QAbstractItemModel::rowsInserted, this, [this] { ui_->dropArea->set_compact(true); });

    connect(ui_->searchEdit, &QLineEdit::textChanged, filter_, &ResultsFilter::set_name_filter);
    connect(ui_->classFilter, &QComboBox::currentIndexChanged, this,
            [this](int i) { filter_->set_class_filter(ui_->classFilter->itemData(i).toInt()); });
    connect(ui_->statusFilter, &QComboBox::currentIndexChanged, this,
            [this](int i) { filter_->set_status_filter(ResultsFilter::StatusFilter(i)); });
}

void MainWindow::fit_name_columns(int first, int last) {
    if (names_sized_by_user_) return;
    QTableView* view = ui_->resultsView;
    QHeaderView* h = view->horizontalHeader();
    const QFontMetrics fm(view->font());
    // A folder of 100,000 files is not measured name by name: every row of the first 2,000, then a sample.
    const int count = last - first + 1;
    const int step = count <= 2000 ? 1 : count / 2000;
    int file_w = 0, folder_w = 0;
    for (int r = first; r <= last; r += step) {
        file_w = std::max(file_w, fm.horizontalAdvance(results_->index(r, ResultsModel::FileColumn).data().toString()));
        folder_w =
            std::max(folder_w, fm.horizontalAdvance(results_->index(r, ResultsModel::FolderColumn).data().toString()));
    }
    // The text margins of the item view (both sides), a little air, and never narrower than the header's title.
    const int pad = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1) + 12;
    const auto title = [&](int column) { return h->sectionSizeHint(column); };
    // Names are shown whole unless the window is too narrow for them: then File gets most of the table's width and
    // elides in the middle; the other columns scroll.
    const int available = view->viewport()->width() > 200 ? view->viewport()->width() : width();
    const int file_cap = std::max(160, available * 6 / 10);
    const int folder_cap = std::max(80, available / 4);
    fitting_names_ = true;
    const int file_target = std::min(file_cap, std::max(file_w + pad, title(ResultsModel::FileColumn)));
    const int folder_target = std::min(folder_cap, std::max(folder_w + pad, title(ResultsModel::FolderColumn)));
    // Later drops only widen: a column does not jump narrower under the user's eyes.
    if (first == 0 || file_target > h->sectionSize(ResultsModel::FileColumn))
        h->resizeSection(ResultsModel::FileColumn, file_target);
    if (first == 0 || folder_target > h->sectionSize(ResultsModel::FolderColumn))
        h->resizeSection(ResultsModel::FolderColumn, folder_target);
    fitting_names_ = false;
}

void MainWindow::setup_actions() {
    connect(ui_->actionOpenFiles, &QAction::triggered, this, &MainWindow::choose_files);
    connect(ui_->actionOpenFolder, &QAction::triggered, this, &MainWindow::choose_folder);
    connect(ui_->actionOpenExample, &QAction::triggered, this, &MainWindow::open_example);
    connect(ui_->actionExportAll, &QAction::triggered, this, [this] { export_dialog(false); });
    connect(ui_->actionExportSelection, &QAction::triggered, this, [this] { export_dialog(true); });
    connect(ui_->actionExportSummary, &QAction::triggered, this, &MainWindow::export_summary_dialog);
    connect(ui_->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui_->actionCopy, &QAction::triggered, this, &MainWindow::copy_rows);
    connect(ui_->actionSelectAll, &QAction::triggered, ui_->resultsView, &QTableView::selectAll);
    connect(ui_->actionSettings, &QAction::triggered, this, &MainWindow::show_settings);
    connect(ui_->actionPause, &QAction::toggled, ui_->pauseButton, &QPushButton::setChecked);
    connect(ui_->pauseButton, &QPushButton::toggled, ui_->actionPause, &QAction::setChecked);
    connect(ui_->actionPause, &QAction::toggled, batch_, &BatchController::set_paused);
    connect(ui_->actionCancel, &QAction::triggered, batch_, &BatchController::cancel);
    connect(ui_->cancelButton, &QPushButton::clicked, batch_, &BatchController::cancel);
    connect(ui_->actionClear, &QAction::triggered, batch_, &BatchController::clear);
    connect(ui_->actionModelInfo, &QAction::triggered, this, &MainWindow::show_model_info);
    connect(ui_->actionLoadModel, &QAction::triggered, this, &MainWindow::choose_model);
    // The two shipped models are a choice of one; a model file of the user's own leaves both unchecked.
    auto* shipped = new QActionGroup(this);
    shipped->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    shipped->addAction(ui_->actionModelDefault);
    shipped->addAction(ui_->actionModelAccurate);
    connect(ui_->actionModelDefault, &QAction::triggered, this,
            [this] { load_shipped_model(QStringLiteral("default")); });
    connect(ui_->actionModelAccurate, &QAction::triggered, this,
            [this] { load_shipped_model(QStringLiteral("accurate")); });
    connect(ui_->actionImportPth, &QAction::triggered, this, &MainWindow::import_pth);
    connect(ui_->actionAbout, &QAction::triggered, this, [this] { AboutDialog(this, models_->summary()).exec(); });
    connect(ui_->actionUserGuide, &QAction::triggered, this, &MainWindow::open_user_guide);
    // Esc cancels the batch from the table and the batch bar only: typed in the filter it clears the filter, and
    // never throws away a batch while someone is typing.
    ui_->actionCancel->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    ui_->resultsView->addAction(ui_->actionCancel);
    ui_->batchBar->addAction(ui_->actionCancel);
    auto* clear_filter =
        new QShortcut(QKeySequence(Qt::Key_Escape), ui_->searchEdit, nullptr, nullptr, Qt::WidgetShortcut);
    connect(clear_filter, &QShortcut::activated, ui_->searchEdit, &QLineEdit::clear);
    connect(ui_->modelBanner, &QLabel::linkActivated, this, &MainWindow::choose_model);
    connect(recent_, &RecentItems::open_requested, this, &MainWindow::open_paths);
    DropArea* drop = ui_->dropArea;
    connect(drop, &DropArea::paths_dropped, this, &MainWindow::open_paths);
    connect(drop, &DropArea::open_files_requested, this, &MainWindow::choose_files);
    connect(drop, &DropArea::open_folder_requested, this, &MainWindow::choose_folder);
    connect(drop, &DropArea::open_example_requested, this, &MainWindow::open_example);
    ui_->actionPause->setEnabled(false);
    ui_->actionCancel->setEnabled(false);
}

void MainWindow::open_user_guide() {
    const QString guide = user_guide_path();
    if (guide.isEmpty() || !QDesktopServices::openUrl(QUrl::fromLocalFile(guide)))
        QMessageBox::information(this, tr("User guide"),
                                 guide.isEmpty() ? tr("The user guide was not found next to the app.")
                                                 : tr("No program is set up to open %1.").arg(guide));
}

void MainWindow::open_paths(const QStringList& paths) {
    if (paths.isEmpty()) return;
    ui_->resumeBanner->hide();  // new files start a new batch: the unfinished one is discarded (add_files)
    recent_->add(paths);
    batch_->add_paths(paths);
    update_model_banner();
}

// ---- model and settings ----

void MainWindow::apply_model() {
    const auto model = models_->model();
    const std::vector<std::string> names = model ? model->config().class_names : results_->class_names();
    results_->set_class_names(names);
    ui_->detailsPanel->set_class_names(names);
    if (model) ui_->detailsPanel->set_mel_params(model->config().mel);
    for (int c = 0; c < int(names.size()); ++c)
        ui_->resultsView->setItemDelegateForColumn(ResultsModel::FirstProbabilityColumn + c,
                                                   new ProbabilityBarDelegate(c, ui_->resultsView));
    QHeaderView* h = ui_->resultsView->horizontalHeader();
    if (results_->rowCount() > 0)
        fit_name_columns(0, results_->rowCount() - 1);  // new classes reset the header's widths
    h->resizeSection(ResultsModel::StatusColumn, 70);
    h->resizeSection(ResultsModel::DurationColumn, 66);
    h->resizeSection(ResultsModel::ClassColumn, 168);
    h->resizeSection(ResultsModel::ConfidenceColumn, 82);
    for (int c = 0; c < int(names.size()); ++c) {
        const int column = ResultsModel::FirstProbabilityColumn + c;
        const QString title = results_->headerData(column, Qt::Horizontal).toString();
        h->resizeSection(column, std::max(60, h->fontMetrics().horizontalAdvance(title) + 18));
    }

    const int class_filter = filter_->class_filter();
    ui_->classFilter->blockSignals(true);
    ui_->classFilter->clear();
    ui_->classFilter->addItem(tr("All"), -1);
    for (int c = 0; c < int(names.size()); ++c) ui_->classFilter->addItem(QString::fromStdString(names[size_t(c)]), c);
    ui_->classFilter->setCurrentIndex(std::max(0, ui_->classFilter->findData(class_filter)));
    ui_->classFilter->blockSignals(false);

    model_label_->setText(tr("Model: <a href=\"info\">%1</a>").arg(models_->summary().toHtmlEscaped()));
    model_label_->setToolTip(models_->details_html());
    // The model manager remembers the choice; the copy here must not write an old one back with last_dir.
    const AppSettings stored = AppSettings::load();
    settings_.model_path = stored.model_path;
    settings_.shipped_model = stored.shipped_model;
    update_model_menu();
    update_classifier();
    update_model_banner();
    offer_resume();
}

void MainWindow::offer_resume() {
    if (!models_->model() || !batch_->earlier_journal_unchecked() || !ui_->resumeBanner->isHidden()) return;
    const BatchController::Unfinished u = batch_->unfinished();
    if (u.pending == 0) {
        batch_->discard_unfinished();  // nothing left to do there: this session starts a new batch
        return;
    }
    ui_->resumeBanner->setText(tr("The last batch was not finished: %1 of %2 files done. "
                                  "<a href=\"resume\">Resume it</a> &nbsp;·&nbsp; <a href=\"discard\">Discard it</a>")
                                   .arg(u.finished)
                                   .arg(u.finished + u.pending));
    ui_->resumeBanner->show();
}

bool MainWindow::resume_offered() const { return !ui_->resumeBanner->isHidden(); }

int MainWindow::resume_unfinished() {
    ui_->resumeBanner->hide();
    const int queued = batch_->resume_unfinished();
    update_model_banner();
    return queued;
}

void MainWindow::discard_unfinished() {
    ui_->resumeBanner->hide();
    batch_->discard_unfinished();
}

void MainWindow::update_classifier() {
    const auto model = models_->model();
    if (!model) {
        batch_->set_classifier(nullptr);
        return;
    }
    ClassifyOptions options;
    options.hop_s = settings_.hop_s;
    options.batch_size = size_t(std::max(1, settings_.batch_size));
    options.keep_segments = true;
    try {
        batch_->set_classifier(std::make_shared<Classifier>(model, options));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Settings not applied"),
                             tr("The classifier could not be set up: %1").arg(QString::fromStdString(e.what())));
    }
}

void MainWindow::update_model_banner() {
    if (models_->model()) {
        ui_->modelBanner->hide();
        return;
    }
    QString text = tr("<b>No model loaded</b>");
    if (!startup_problem_.isEmpty()) text += tr(": %1").arg(startup_problem_.toHtmlEscaped());
    text += tr(". Files are listed but not classified until you <a href=\"load\">load a model</a>.");
    ui_->modelBanner->setText(text);
    ui_->modelBanner->show();
}

QString MainWindow::load_model(const QString& path) {
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const QString reason = models_->load(path);
    QGuiApplication::restoreOverrideCursor();
    if (!reason.isEmpty()) {
        QMessageBox::warning(this, tr("Model not loaded"),
                             tr("The model “%1” could not be loaded:\n\n%2\n\nStill using: %3.")
                                 .arg(QFileInfo(path).fileName(), reason, models_->summary()));
    } else {
        startup_problem_.clear();
        statusBar()->showMessage(tr("Using model %1").arg(models_->summary()), 5000);
    }
    return reason;
}

QString MainWindow::load_shipped_model(const QString& which) {
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const QString reason = models_->load_shipped(which);
    QGuiApplication::restoreOverrideCursor();
    if (!reason.isEmpty()) {
        update_model_menu();  // the action the user clicked is checked by now: show what is really in use
        QMessageBox::warning(this, tr("Model not loaded"),
                             tr("The model “%1” could not be loaded:\n\n%2\n\nStill using: %3.")
                                 .arg(ModelManager::shipped_title(which), reason, models_->summary()));
    } else {
        startup_problem_.clear();
        statusBar()->showMessage(tr("Using model %1").arg(models_->summary()), 5000);
    }
    return reason;
}

void MainWindow::update_model_menu() {
    const QString which = models_->shipped_choice();
    ui_->actionModelDefault->setChecked(which == QLatin1String("default"));
    ui_->actionModelAccurate->setChecked(which == QLatin1String("accurate"));
    // A model that is not there is not offered (SOCIALCTX_MODEL may name a file that is gone).
    const auto there = [](const char* name) {
        const QString path = ModelManager::shipped_path(QLatin1String(name));
        return !path.isEmpty() && QFileInfo::exists(path);
    };
    ui_->actionModelDefault->setEnabled(there("default"));
    ui_->actionModelAccurate->setEnabled(there("accurate"));
}

void MainWindow::choose_model() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load model"), settings_.last_dir,
                                                      tr("TorchScript models (*.pt);;All files (*)"));
    if (path.isEmpty()) return;
    if (path.endsWith(QLatin1String(".pth"), Qt::CaseInsensitive)) {
        import_pth_path(path);  // a state_dict, not a TorchScript file: import it instead
        return;
    }
    load_model(path);
}

void MainWindow::import_pth() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import best_model.pth"), settings_.last_dir,
                                                      tr("PyTorch state_dict (*.pth *.pt);;All files (*)"));
    if (!path.isEmpty()) import_pth_path(path);
}

QString MainWindow::import_pth_path(const QString& path) {
    QString out;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        out = import_pth_model(path);
    } catch (const std::exception& e) {
        QGuiApplication::restoreOverrideCursor();
        const QString reason = QString::fromStdString(e.what());
        QMessageBox::warning(this, tr("Import failed"),
                             tr("“%1” could not be imported:\n\n%2\n\nStill using: %3.")
                                 .arg(QFileInfo(path).fileName(), reason, models_->summary()));
        return reason;
    }
    QGuiApplication::restoreOverrideCursor();
    return load_model(out);
}

void MainWindow::show_model_info() {
    QMessageBox box(QMessageBox::Information, tr("Model in use"), models_->details_html(), QMessageBox::Ok, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

void MainWindow::apply_settings(const AppSettings& s) {
    settings_ = s;
    batch_->set_threads(s.effective_threads());
    results_->set_min_confidence(s.min_confidence);
    ui_->detailsPanel->set_spectrogram_minutes(s.spectrogram_minutes);
}

void MainWindow::show_settings() {
    const auto model = models_->model();
    SettingsDialog dialog(settings_, model ? &model->config() : nullptr, this);
    if (dialog.exec() != QDialog::Accepted) return;
    AppSettings s = dialog.settings();
    const AppSettings stored = AppSettings::load();  // the model choice is the model manager's
    s.model_path = stored.model_path;
    s.shipped_model = stored.shipped_model;
    s.save();
    apply_settings(s);
    update_classifier();
}

// ---- files in ----

void MainWindow::choose_files() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open audio files"), settings_.last_dir,
        tr("Audio (*.wav *.mp3 *.flac *.ogg *.oga *.opus *.m4a *.aac *.aiff *.aif *.wma *.mp4);;All files (*)"));
    if (files.isEmpty()) return;
    settings_.last_dir = QFileInfo(files.first()).absolutePath();
    settings_.save();
    open_paths(files);
}

void MainWindow::choose_folder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open folder"), settings_.last_dir);
    if (dir.isEmpty()) return;
    settings_.last_dir = dir;
    settings_.save();
    open_paths({dir});
}

void MainWindow::open_example() {
    const QStringList files = example_files();
    if (files.isEmpty()) {
        QMessageBox::information(this, tr("No examples"), tr("The example recordings were not found next to the app."));
        return;
    }
    batch_->add_paths(files);  // not worth a place in Open recent
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!DropArea::paths_from(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QStringList paths = DropArea::paths_from(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    open_paths(paths);
}

// ---- progress and selection ----

void MainWindow::on_progress(int done, int total, double seconds_left) {
    ui_->progressBar->setRange(0, std::max(total, 1));
    ui_->progressBar->setValue(done);
    QString text;
    if (batch_->waiting_for_model())
        text = tr("Waiting for a model");
    else if (batch_->paused())
        text = tr("Paused — you may quit: the rest is done when you open the app again");
    else if (seconds_left >= 0 && done < total)
        text = tr("about %1 left").arg(format_duration(seconds_left).section(QLatin1Char('.'), 0, 0));
    else if (done < total)
        text = tr("starting…");
    ui_->progressLabel->setText(text);
}

void MainWindow::on_busy(bool busy) {
    ui_->actionPause->setEnabled(busy);
    ui_->actionCancel->setEnabled(busy);
    ui_->pauseButton->setEnabled(busy);
    ui_->cancelButton->setEnabled(busy);
    if (busy) {
        ui_->batchBar->show();
        return;
    }
    ui_->actionPause->setChecked(false);
    ui_->batchBar->hide();
    const int ok = results_->count(RowStatus::Done), failed = results_->count(RowStatus::Failed);
    if (ok + failed == 0) return;
    QString text = ok == 1 ? tr("1 file classified") : tr("%1 files classified").arg(ok);
    if (failed) text += tr(", %1 could not be read").arg(failed);
    statusBar()->showMessage(text);
    if (select_first_ && !ui_->resultsView->currentIndex().isValid() && filter_->rowCount() > 0)
        ui_->resultsView->selectRow(0);
}

void MainWindow::show_current() {
    const QModelIndex current = filter_->mapToSource(ui_->resultsView->currentIndex());
    ui_->detailsPanel->show_row(current.isValid() ? &results_->row_at(current.row()) : nullptr);
}

// ---- results out ----

std::vector<const ResultRow*> MainWindow::rows(bool selection_only) const {
    std::vector<const ResultRow*> out;
    const QItemSelectionModel* selection = ui_->resultsView->selectionModel();
    for (int r = 0; r < filter_->rowCount(); ++r) {
        const QModelIndex index = filter_->index(r, 0);
        if (selection_only && !selection->isRowSelected(r, {})) continue;
        out.push_back(&results_->row_at(filter_->mapToSource(index).row()));
    }
    return out;
}

QString MainWindow::export_table(const QString& path, ExportFormat format, bool selection_only) {
    try {
        double high_hz = 8000;
        if (const auto model = models_->model()) {
            const MelParams& mel = model->config().mel;
            high_hz = mel.fmax > 0 ? mel.fmax : mel.sample_rate / 2.0;
        }
        const int n = export_rows(path, format, rows(selection_only), results_->class_names(), high_hz,
                                  results_->min_confidence());
        const QString what = n == 1 ? tr("1 file") : tr("%1 files").arg(n);
        statusBar()->showMessage(tr("Exported %1 to %2").arg(what, path), 8000);
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

void MainWindow::export_dialog(bool selection_only) {
    // The format of the settings (or the preset chosen) is offered first.
    const ExportFormat preferred = export_format_named(settings_.export_format);
    QString filter = export_filters().value(int(preferred));
    QString path = QFileDialog::getSaveFileName(
        this, selection_only ? tr("Export selection") : tr("Export table"),
        settings_.last_dir + QStringLiteral("/socialctx-results") + export_suffix(preferred),
        export_filters().join(QStringLiteral(";;")), &filter);
    if (path.isEmpty()) return;
    const ExportFormat format = export_format_for(filter, path);
    if (QFileInfo(path).suffix().isEmpty()) path += export_suffix(format);
    const QString reason = export_table(path, format, selection_only);
    if (!reason.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1:\n\n%2").arg(path, reason));
}

QString MainWindow::export_summary(const QString& path) {
    summary_bar_->refresh();
    QSaveFile file(path);
    const QByteArray csv = QByteArray::fromStdString(summary_bar_->summary().to_csv());
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) return file.errorString();
    statusBar()->showMessage(tr("Exported the summary to %1").arg(path), 8000);
    return {};
}

void MainWindow::export_summary_dialog() {
    QString path = QFileDialog::getSaveFileName(this, tr("Export summary"),
                                                settings_.last_dir + QStringLiteral("/summary.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".csv");
    const QString reason = export_summary(path);
    if (!reason.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1:\n\n%2").arg(path, reason));
}

QString MainWindow::selected_rows_text() const { return rows_as_tsv(rows(true), results_->class_names()); }

void MainWindow::copy_rows() {
    if (!ui_->resultsView->selectionModel()->hasSelection()) return;
    QGuiApplication::clipboard()->setText(selected_rows_text());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/splitter"), ui_->splitter->saveState());
    batch_->shutdown();  // not cancel(): what is not done stays in the journal for the next session
    event->accept();
}

}  // namespace sctx::gui
