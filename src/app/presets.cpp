#include "presets.h"

#include <QSettings>
#include <algorithm>
#include <map>

namespace sctx::gui {

namespace {

using PresetMap = std::map<QString, AnalysisPreset>;

const QStringList& export_formats() {
    static const QStringList f = {QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("audacity"),
                                  QStringLiteral("raven"), QStringLiteral("sv")};
    return f;
}

AnalysisPreset sanitised(AnalysisPreset p) {
    p.hop_s = std::clamp(p.hop_s, 0.0, 60.0);
    p.batch_size = std::clamp(p.batch_size, 1, 4096);
    p.min_confidence = std::clamp(p.min_confidence, 0.0, 1.0);
    if (!export_formats().contains(p.export_format)) p.export_format = QStringLiteral("csv");
    return p;
}

PresetMap read_all() {
    QSettings s;
    PresetMap out;
    const int n = s.beginReadArray(QStringLiteral("presets"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        const QString name = s.value(QStringLiteral("name")).toString();
        if (name.isEmpty()) continue;
        AnalysisPreset p;
        p.hop_s = s.value(QStringLiteral("hop_s"), p.hop_s).toDouble();
        p.batch_size = s.value(QStringLiteral("batch_size"), p.batch_size).toInt();
        p.min_confidence = s.value(QStringLiteral("min_confidence"), p.min_confidence).toDouble();
        p.export_format = s.value(QStringLiteral("export_format"), p.export_format).toString();
        out[name] = sanitised(p);
    }
    s.endArray();
    return out;
}

void write_all(const PresetMap& presets) {
    QSettings s;
    s.remove(QStringLiteral("presets"));
    s.beginWriteArray(QStringLiteral("presets"), int(presets.size()));
    int i = 0;
    for (const auto& [name, p] : presets) {
        s.setArrayIndex(i++);
        s.setValue(QStringLiteral("name"), name);
        s.setValue(QStringLiteral("hop_s"), p.hop_s);
        s.setValue(QStringLiteral("batch_size"), p.batch_size);
        s.setValue(QStringLiteral("min_confidence"), p.min_confidence);
        s.setValue(QStringLiteral("export_format"), p.export_format);
    }
    s.endArray();
}

}  // namespace

AnalysisPreset AnalysisPreset::from(const AppSettings& s) {
    AnalysisPreset p;
    p.hop_s = s.hop_s;
    p.batch_size = s.batch_size;
    p.min_confidence = s.min_confidence;
    p.export_format = s.export_format;
    return sanitised(p);
}

void AnalysisPreset::apply_to(AppSettings& s) const {
    s.hop_s = hop_s;
    s.batch_size = batch_size;
    s.min_confidence = min_confidence;
    s.export_format = export_format;
}

bool AnalysisPreset::operator==(const AnalysisPreset& o) const {
    return hop_s == o.hop_s && batch_size == o.batch_size && min_confidence == o.min_confidence &&
           export_format == o.export_format;
}

QStringList preset_names() {
    QStringList names;
    for (const auto& [name, p] : read_all()) names << name;
    std::sort(names.begin(), names.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return names;
}

std::optional<AnalysisPreset> load_preset(const QString& name) {
    const PresetMap all = read_all();
    const auto it = all.find(name);
    if (it == all.end()) return std::nullopt;
    return it->second;
}

bool save_preset(const QString& name, const AnalysisPreset& preset) {
    if (name.trimmed().isEmpty()) return false;
    PresetMap all = read_all();
    all[name.trimmed()] = sanitised(preset);
    write_all(all);
    return true;
}

void delete_preset(const QString& name) {
    PresetMap all = read_all();
    if (all.erase(name)) write_all(all);
}

}  // namespace sctx::gui
