#include "dataset/synth/engines.h"

#include <cstdio>
#include <fstream>

#include "dataset/synth/text.h"
#include "platform/file_info.h"
#include "platform/process.h"

namespace sctx::synth {

using platform::run_process;

namespace {

bool nonempty_file(const std::string& path) {
    const platform::FileInfo f = platform::file_info(path);
    return f.exists() && f.size > 1000;
}

std::string engine_text(const Voice& voice, const std::string& text) {
    switch (voice.charset) {
        case TextCharset::Latin1: return to_8bit(text, Charset::Latin1);
        case TextCharset::Latin2: return to_8bit(text, Charset::Latin2);
        case TextCharset::Utf8: break;
    }
    return text;
}

bool run_espeak(const Voice& v, const std::string& text, const std::string& wav) {
    return run_process({"espeak-ng", "-v", v.engine_voice, "-p", std::to_string(v.pitch), "-s", std::to_string(v.speed),
                        "-w", wav, text},
                       60)
               .ok() &&
           nonempty_file(wav);
}

bool run_flite(const Voice& v, const std::string& text, const std::string& wav) {
    std::vector<std::string> args{"flite", "-voice", v.engine_voice};
    if (v.f0_mean > 0) {
        args.push_back("--setf");
        args.push_back("int_f0_target_mean=" + std::to_string(int(v.f0_mean)));
    }
    if (v.stretch != 1.0) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "duration_stretch=%.2f", v.stretch);
        args.push_back("--setf");
        args.push_back(buf);
    }
    args.insert(args.end(), {"-t", text, "-o", wav});
    return run_process(args, 60).ok() && nonempty_file(wav);
}

std::string scheme_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// One festival process for the texts [first, end) that are still missing; returns after it exits.
void run_festival_batch(const Voice& v, const std::vector<std::string>& texts, const std::vector<std::string>& wavs,
                        const std::vector<size_t>& todo, const std::string& script_path) {
    {
        std::ofstream s(script_path, std::ios::binary | std::ios::trunc);
        s << "(voice_" << v.engine_voice << ")\n";
        if (v.stretch != 1.0) s << "(Parameter.set 'Duration_Stretch " << v.stretch << ")\n";
        for (size_t i : todo)
            s << "(set! u (SynthText " << scheme_string(engine_text(v, texts[i])) << "))\n(utt.save.wave u "
              << scheme_string(wavs[i]) << " 'riff)\n";
    }
    run_process({"festival", "--batch", script_path}, 30.0 + 10.0 * double(todo.size()));
}

}  // namespace

std::vector<bool> synthesize_texts(const Voice& voice, const std::vector<std::string>& texts,
                                   const std::vector<std::string>& wav_paths, const std::string& work_dir) {
    std::vector<bool> ok(texts.size(), false);
    if (voice.engine != Engine::Festival) {
        for (size_t i = 0; i < texts.size(); ++i) {
            const std::string text = engine_text(voice, texts[i]);
            ok[i] = voice.engine == Engine::Espeak ? run_espeak(voice, text, wav_paths[i])
                                                   : run_flite(voice, text, wav_paths[i]);
        }
        return ok;
    }
    for (const auto& w : wav_paths) std::remove(w.c_str());
    const std::string script = work_dir + "/synth-" + voice.id + ".scm";
    std::vector<size_t> todo;
    for (size_t i = 0; i < texts.size(); ++i) todo.push_back(i);
    // Festival writes the files in order; if it dies, the first missing text is the one it died on: drop it and
    // go on with the rest (at most one retry per text).
    while (!todo.empty()) {
        run_festival_batch(voice, texts, wav_paths, todo, script);
        std::vector<size_t> rest;
        bool skipped = false;
        for (size_t i : todo) {
            if (nonempty_file(wav_paths[i])) {
                ok[i] = true;
            } else if (!skipped) {
                skipped = true;  // the one it died on
            } else {
                rest.push_back(i);
            }
        }
        todo = rest;
    }
    std::remove(script.c_str());
    return ok;
}

}  // namespace sctx::synth
