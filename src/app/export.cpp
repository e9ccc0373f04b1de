#include "export.h"

#include <QFile>
#include <QObject>

#include "classify/output_file.h"
#include "classify/result_writer.h"

namespace sctx::gui {

QStringList export_filters() {
    return {QObject::tr("CSV table (*.csv)"), QObject::tr("JSON (*.json)"), QObject::tr("Audacity labels (*.txt)"),
            QObject::tr("Raven selection table (*.selections.txt)"), QObject::tr("Sonic Visualiser layer (*.csv)")};
}

QString export_suffix(ExportFormat format) {
    switch (format) {
        case ExportFormat::Csv: return QStringLiteral(".csv");
        case ExportFormat::Json: return QStringLiteral(".json");
        case ExportFormat::Audacity: return QStringLiteral(".txt");
        case ExportFormat::Raven: return QStringLiteral(".selections.txt");
        case ExportFormat::SonicVisualiser: return QStringLiteral(".csv");
    }
    return {};
}

ExportFormat export_format_named(const QString& name) {
    if (name == QLatin1String("json")) return ExportFormat::Json;
    if (name == QLatin1String("audacity")) return ExportFormat::Audacity;
    if (name == QLatin1String("raven")) return ExportFormat::Raven;
    if (name == QLatin1String("sv")) return ExportFormat::SonicVisualiser;
    return ExportFormat::Csv;
}

ExportFormat export_format_for(const QString& filter, const QString& path) {
    const QStringList filters = export_filters();
    const int i = int(filters.indexOf(filter));
    if (i >= 0) return ExportFormat(i);
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) return ExportFormat::Json;
    if (path.endsWith(QLatin1String(".selections.txt"), Qt::CaseInsensitive)) return ExportFormat::Raven;
    if (path.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive)) return ExportFormat::Audacity;
    return ExportFormat::Csv;
}

int export_rows(const QString& path, ExportFormat format, const std::vector<const ResultRow*>& rows,
                const std::vector<std::string>& class_names, double high_freq_hz, double min_confidence) {
    std::vector<const ResultRow*> finished;
    for (const ResultRow* r : rows)
        if (r->status == RowStatus::Done || r->status == RowStatus::Failed) finished.push_back(r);
    OutputFormat f = OutputFormat::Csv;
    switch (format) {
        case ExportFormat::Csv: f = OutputFormat::Csv; break;
        case ExportFormat::Json: f = OutputFormat::Json; break;
        case ExportFormat::Audacity: f = OutputFormat::Audacity; break;
        case ExportFormat::Raven: f = OutputFormat::Raven; break;
        case ExportFormat::SonicVisualiser: f = OutputFormat::SonicVisualiser; break;
    }
    OutputFile out(QFile::encodeName(path).toStdString(), OutputFile::Mode::Atomic);
    WriterOptions options;
    options.class_names = class_names;
    options.multiple_files = finished.size() > 1;
    options.high_freq_hz = high_freq_hz;
    options.min_confidence = min_confidence;
    auto writer = make_writer(f, out, options);
    for (const ResultRow* r : finished) writer->write(r->result);
    writer->finish();
    return int(finished.size());
}

QString rows_as_tsv(const std::vector<const ResultRow*>& rows, const std::vector<std::string>& class_names) {
    // Tabs and line breaks inside a field would split it: they become spaces.
    auto field = [](QString s) {
        s.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        return s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    };
    QStringList header = {QStringLiteral("file"),       QStringLiteral("status"), QStringLiteral("error"),
                          QStringLiteral("duration_s"), QStringLiteral("label"),  QStringLiteral("confidence")};
    for (const auto& n : class_names) header << field(QString::fromStdString(n));
    QString text = header.join(QLatin1Char('\t')) + QLatin1Char('\n');
    for (const ResultRow* row : rows) {
        const FileResult& r = row->result;
        const bool done = row->status == RowStatus::Done;
        QStringList cols;
        cols << field(QFile::decodeName(QByteArray::fromStdString(r.file)));
        cols << (done                               ? QStringLiteral("ok")
                 : row->status == RowStatus::Failed ? QStringLiteral("error")
                                                    : ResultsModel::status_text(row->status).toLower());
        cols << field(QString::fromStdString(r.error));
        cols << (done ? QString::number(r.duration_s, 'f', 3) : QString());
        cols << (done && r.label_index >= 0 && size_t(r.label_index) < class_names.size()
                     ? QString::fromStdString(class_names[size_t(r.label_index)])
                     : QString());
        cols << (done ? QString::number(double(r.confidence), 'f', 6) : QString());
        for (size_t c = 0; c < class_names.size(); ++c)
            cols << (done && c < r.probabilities.size() ? QString::number(double(r.probabilities[c]), 'f', 6)
                                                        : QString());
        text += cols.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return text;
}

}  // namespace sctx::gui
