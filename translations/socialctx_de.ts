<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Social Context Classifier</source>
        <translation>Über Social Context Classifier</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Social Context Classifier&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Social Context Classifier&lt;/h2&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Social Context Classifier</source>
        <translation>Social Context Classifier</translation>
    </message>
    <message>
        <source>Filter by file name…</source>
        <translation>Nach Dateiname filtern…</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>&amp;Klasse:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Zuletzt &amp;geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Stapel</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Open files…</source>
        <translation>&amp;Dateien öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation>B&amp;eispiel öffnen</translation>
    </message>
    <message>
        <source>Classify the short example recordings that come with the app</source>
        <translation>Die kurzen Beispielaufnahmen klassifizieren, die mit der Anwendung geliefert werden</translation>
    </message>
    <message>
        <source>&amp;Export table…</source>
        <translation>&amp;Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Save the rows shown as CSV, JSON or Audacity labels</source>
        <translation>Die angezeigten Zeilen als CSV, JSON oder Audacity-Labels speichern</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;selection…</source>
        <translation>&amp;Auswahl exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Export s&amp;ummary…</source>
        <translation>&amp;Zusammenfassung exportieren…</translation>
    </message>
    <message>
        <source>Files and recorded time per class, as CSV (summary.csv)</source>
        <translation>Dateien und Aufnahmedauer je Klasse als CSV (summary.csv)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Zeilen kopieren</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Ctrl+A</source>
        <translation>Ctrl+A</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>C&amp;lear results</source>
        <translation>Ergebnisse &amp;leeren</translation>
    </message>
    <message>
        <source>Model &amp;in use…</source>
        <translation>&amp;Verwendetes Modell…</translation>
    </message>
    <message>
        <source>&amp;Default (fast)</source>
        <translation>&amp;Standard (schnell)</translation>
    </message>
    <message>
        <source>The shipped fast model (socialctx classify --model default)</source>
        <translation>Das mitgelieferte schnelle Modell (socialctx classify --model default)</translation>
    </message>
    <message>
        <source>&amp;Accurate</source>
        <translation>&amp;Genau</translation>
    </message>
    <message>
        <source>The shipped accurate model: slower, better at telling conversations from groups (socialctx classify --model accurate)</source>
        <translation>Das mitgelieferte genaue Modell: langsamer, unterscheidet Gespräche besser von Gruppen (socialctx classify --model accurate)</translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation>Modell &amp;laden…</translation>
    </message>
    <message>
        <source>Use another TorchScript model (.pt)</source>
        <translation>Ein anderes TorchScript-Modell (.pt) verwenden</translation>
    </message>
    <message>
        <source>&amp;Import best_model.pth…</source>
        <translation>best_model.pth &amp;importieren…</translation>
    </message>
    <message>
        <source>Convert a PyTorch state_dict from the original project into a model and use it</source>
        <translation>Ein PyTorch-state_dict aus dem ursprünglichen Projekt in ein Modell umwandeln und dieses verwenden</translation>
    </message>
    <message>
        <source>&amp;About Social Context Classifier</source>
        <translation>Ü&amp;ber Social Context Classifier</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>Benutzer&amp;handbuch</translation>
    </message>
    <message>
        <source>Open the user guide that came with the app</source>
        <translation>Das mit der Anwendung gelieferte Benutzerhandbuch öffnen</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Audacity labels (*.txt)</source>
        <translation>Audacity-Labels (*.txt)</translation>
    </message>
    <message>
        <source>Raven selection table (*.selections.txt)</source>
        <translation>Raven-Auswahltabelle (*.selections.txt)</translation>
    </message>
    <message>
        <source>Sonic Visualiser layer (*.csv)</source>
        <translation>Sonic-Visualiser-Ebene (*.csv)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Fenster:</translation>
    </message>
    <message>
        <source>Each window of audio the model hears. It is fixed by the model.</source>
        <translation>Jedes Audiofenster, das das Modell auf einmal hört. Seine Länge ist durch das Modell festgelegt.</translation>
    </message>
    <message>
        <source>3 s (the model&apos;s)</source>
        <translation>3 s (vom Modell)</translation>
    </message>
    <message>
        <source>&amp;Hop between windows:</source>
        <translation>&amp;Schrittweite zwischen Fenstern:</translation>
    </message>
    <message>
        <source>How far apart the windows of a long recording start. Smaller is finer and slower.</source>
        <translation>Wie weit die Anfänge der Fenster einer langen Aufnahme auseinanderliegen. Kleinere Werte sind feiner und langsamer.</translation>
    </message>
    <message>
        <source>The model&apos;s own</source>
        <translation>Vorgabe des Modells</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>CPU threads used to classify files. Fewer leaves the computer more responsive.</source>
        <translation>CPU-Threads, die zum Klassifizieren der Dateien verwendet werden. Mit weniger Threads bleibt der Computer reaktionsschneller.</translation>
    </message>
    <message>
        <source>All cores</source>
        <translation>Alle Kerne</translation>
    </message>
    <message>
        <source>&amp;Spectrogram shows the first:</source>
        <translation>S&amp;pektrogramm zeigt die ersten:</translation>
    </message>
    <message>
        <source>How much of a long recording the spectrogram reads and draws.</source>
        <translation>Wie viel einer langen Aufnahme das Spektrogramm einliest und darstellt.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Minimum confidence:</source>
        <translation>&amp;Mindestkonfidenz:</translation>
    </message>
    <message>
        <source>Results less confident than this are shown as uncertain in the table, the summary and exports. Their probabilities are kept.</source>
        <translation>Ergebnisse mit geringerer Konfidenz werden in der Tabelle, der Zusammenfassung und in Exporten als unsicher angezeigt. Ihre Wahrscheinlichkeiten bleiben erhalten.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Hop and threads apply to files classified from now on; the minimum confidence applies to every row at once.</source>
        <translation>Schrittweite und Threads gelten für Dateien, die ab jetzt klassifiziert werden; die Mindestkonfidenz gilt sofort für alle Zeilen.</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Voreinstellung:</translation>
    </message>
    <message>
        <source>Named sets of the analysis settings (hop, batch size, minimum confidence, export format). Choosing one fills them in.</source>
        <translation>Benannte Sätze der Analyseeinstellungen (Schrittweite, Stapelgröße, Mindestkonfidenz, Exportformat). Wenn Sie einen wählen, werden die Felder damit ausgefüllt.</translation>
    </message>
    <message>
        <source>Save the analysis settings below under a name.</source>
        <translation>Die Analyseeinstellungen unten unter einem Namen speichern.</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Delete the chosen preset.</source>
        <translation>Die gewählte Voreinstellung löschen.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Put the analysis settings back to their defaults.</source>
        <translation>Die Analyseeinstellungen auf ihre Standardwerte zurücksetzen.</translation>
    </message>
    <message>
        <source>&amp;Reset to defaults</source>
        <translation>Auf Standard &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Windows per &amp;batch:</source>
        <translation>Fenster pro &amp;Durchlauf:</translation>
    </message>
    <message>
        <source>How many windows the model hears in one pass. Larger can be faster and needs more memory; results do not change.</source>
        <translation>Wie viele Fenster das Modell in einem Durchlauf hört. Größere Werte können schneller sein und brauchen mehr Speicher; die Ergebnisse ändern sich nicht.</translation>
    </message>
    <message>
        <source>Default e&amp;xport format:</source>
        <translation>Standard-E&amp;xportformat:</translation>
    </message>
    <message>
        <source>The format File ▸ Export table offers first.</source>
        <translation>Das Format, das Datei ▸ Tabelle exportieren zuerst anbietet.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <source>The language of the app. It changes when the app is next started.</source>
        <translation>Die Sprache der Anwendung. Sie ändert sich beim nächsten Start der Anwendung.</translation>
    </message>
</context>
<context>
    <name>sctx::gui::AboutDialog</name>
    <message>
        <source>Everything runs on this computer. The app makes no network connections and sends nothing anywhere.</source>
        <translation>Alles läuft auf diesem Computer. Die Anwendung baut keine Netzwerkverbindungen auf und sendet nichts irgendwohin.</translation>
    </message>
    <message>
        <source>Version %1 · Qt %2 · FFT: %3</source>
        <translation>Version %1 · Qt %2 · FFT: %3</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build is distributed under the &lt;b&gt;GNU General Public License, version 3 or later&lt;/b&gt; (GPL-3.0-or-later), because it links FFTW (GPL-2.0-or-later) and FFmpeg built with GPL components.&lt;/p&gt;&lt;p&gt;Builds made with the KissFFT backend (BSD-3-Clause) instead of FFTW, against an LGPL FFmpeg, can be distributed under the project&apos;s own licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieser Build wird unter der &lt;b&gt;GNU General Public License, Version 3 oder neuer&lt;/b&gt; (GPL-3.0-or-later) verbreitet, weil er FFTW (GPL-2.0-or-later) und ein mit GPL-Komponenten gebautes FFmpeg einbindet.&lt;/p&gt;&lt;p&gt;Builds, die statt FFTW das KissFFT-Backend (BSD-3-Clause) verwenden und gegen ein LGPL-FFmpeg gebaut sind, können unter der eigenen Lizenz des Projekts verbreitet werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build uses the KissFFT backend (BSD-3-Clause) instead of FFTW. The program&apos;s licence is the project&apos;s own; FFmpeg is used under the LGPL-2.1-or-later, and other components under their own licences below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieser Build verwendet statt FFTW das KissFFT-Backend (BSD-3-Clause). Für das Programm gilt die eigene Lizenz des Projekts; FFmpeg wird unter der LGPL-2.1-or-later verwendet, die übrigen Komponenten unter ihren eigenen, unten aufgeführten Lizenzen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Classifies recordings into five social contexts — Alone / Quiet, Speech / Monologue, One-on-One Conversation, Group Discussion, Noisy Environment — in 3-second windows.&lt;/p&gt;&lt;h3&gt;Privacy&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;h3&gt;Licences&lt;/h3&gt;%2&lt;p&gt;Components: Qt 6 (LGPL-3.0), LibTorch (BSD-3-Clause), FFmpeg (LGPL-2.1-or-later / GPL), libsndfile (LGPL-2.1-or-later), libsoxr (LGPL-2.1-or-later), FFTW (GPL-2.0-or-later) or KissFFT (BSD-3-Clause), nlohmann/json (MIT), pugixml (MIT).&lt;/p&gt;&lt;h3&gt;The model&lt;/h3&gt;%3&lt;p&gt;The predictions come from a small neural network trained on synthetic and real speech. They are estimates: check what matters.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ordnet Aufnahmen in Fenstern von 3 Sekunden fünf sozialen Kontexten zu — Alone / Quiet (allein / still), Speech / Monologue (Rede / Monolog), One-on-One Conversation (Zweiergespräch), Group Discussion (Gruppendiskussion), Noisy Environment (laute Umgebung).&lt;/p&gt;&lt;h3&gt;Datenschutz&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;h3&gt;Lizenzen&lt;/h3&gt;%2&lt;p&gt;Komponenten: Qt 6 (LGPL-3.0), LibTorch (BSD-3-Clause), FFmpeg (LGPL-2.1-or-later / GPL), libsndfile (LGPL-2.1-or-later), libsoxr (LGPL-2.1-or-later), FFTW (GPL-2.0-or-later) oder KissFFT (BSD-3-Clause), nlohmann/json (MIT), pugixml (MIT).&lt;/p&gt;&lt;h3&gt;Das Modell&lt;/h3&gt;%3&lt;p&gt;Die Vorhersagen stammen von einem kleinen neuronalen Netz, das mit synthetischer und echter Sprache trainiert wurde. Es sind Schätzungen: Prüfen Sie, worauf es ankommt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;In use: &lt;b&gt;%1&lt;/b&gt; (Model ▸ Model in use… tells more).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Verwendet: &lt;b&gt;%1&lt;/b&gt; (mehr unter Modell ▸ Verwendetes Modell…).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>sctx::gui::BatchController</name>
    <message>
        <source>another window of the app is keeping its batch in %1</source>
        <translation>ein anderes Fenster der Anwendung führt seinen Stapel bereits in %1</translation>
    </message>
</context>
<context>
    <name>sctx::gui::BatchSummaryBar</name>
    <message>
        <source>Batch summary</source>
        <translation>Stapelübersicht</translation>
    </message>
    <message>
        <source>%1: %2 files (%3 %), %4
</source>
        <translation>%1: %2 Dateien (%3 %), %4
</translation>
    </message>
    <message>
        <source>Uncertain (below %1 %): %2 files, %3
</source>
        <translation>Unsicher (unter %1 %): %2 Dateien, %3
</translation>
    </message>
    <message>
        <source>1 file, %1</source>
        <translation>1 Datei, %1</translation>
    </message>
    <message>
        <source>%1 files, %2</source>
        <translation>%1 Dateien, %2</translation>
    </message>
    <message>
        <source>uncertain %1 (%2)</source>
        <translation>unsicher %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sctx::gui::DetailsPanel</name>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Wiedergabe / Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>Klassenwahrscheinlichkeiten</translation>
    </message>
    <message>
        <source>Log-mel spectrogram</source>
        <translation>Log-Mel-Spektrogramm</translation>
    </message>
    <message>
        <source>Cannot play: %1</source>
        <translation>Wiedergabe nicht möglich: %1</translation>
    </message>
    <message>
        <source>No file selected</source>
        <translation>Keine Datei ausgewählt</translation>
    </message>
    <message>
        <source>Select a row to see its probabilities, spectrogram and timeline.</source>
        <translation>Wählen Sie eine Zeile aus, um ihre Wahrscheinlichkeiten, ihr Spektrogramm und ihre Zeitleiste zu sehen.</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>mono</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>stereo</translation>
    </message>
    <message>
        <source>%1 channels</source>
        <translation>%1 Kanäle</translation>
    </message>
    <message>
        <source>%1 kHz %2, %3</source>
        <translation>%1 kHz %2, %3</translation>
    </message>
    <message>
        <source>1 window</source>
        <translation>1 Fenster</translation>
    </message>
    <message>
        <source>%1 windows</source>
        <translation>%1 Fenster</translation>
    </message>
    <message>
        <source>&lt;b&gt;%2&lt;/b&gt; · %1% sure · %3 · %4</source>
        <translation>&lt;b&gt;%2&lt;/b&gt; · zu %1 % sicher · %3 · %4</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#b02020&quot;&gt;&lt;b&gt;Error:&lt;/b&gt; %1&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#b02020&quot;&gt;&lt;b&gt;Fehler:&lt;/b&gt; %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Computing the spectrogram…</source>
        <translation>Spektrogramm wird berechnet…</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Wiedergabe oder Pause</translation>
    </message>
    <message>
        <source>Details of the selected file</source>
        <translation>Details der gewählten Datei</translation>
    </message>
</context>
<context>
    <name>sctx::gui::DropArea</name>
    <message>
        <source>&lt;a href=&quot;files&quot;&gt;open files&lt;/a&gt;, &lt;a href=&quot;folder&quot;&gt;a folder&lt;/a&gt; or &lt;a href=&quot;example&quot;&gt;the examples&lt;/a&gt;</source>
        <translation>öffnen Sie &lt;a href=&quot;files&quot;&gt;Dateien&lt;/a&gt;, &lt;a href=&quot;folder&quot;&gt;einen Ordner&lt;/a&gt; oder &lt;a href=&quot;example&quot;&gt;die Beispiele&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Drop more audio files or folders here, or %1.</source>
        <translation>Legen Sie weitere Audiodateien oder Ordner hier ab oder %1.</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size:large&quot;&gt;&lt;b&gt;Drop audio files or folders here&lt;/b&gt;&lt;/p&gt;&lt;p&gt;WAV, MP3, FLAC, OGG, M4A… — or %1.&lt;/p&gt;&lt;p&gt;Everything runs on this computer.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size:large&quot;&gt;&lt;b&gt;Legen Sie Audiodateien oder Ordner hier ab&lt;/b&gt;&lt;/p&gt;&lt;p&gt;WAV, MP3, FLAC, OGG, M4A… — oder %1.&lt;/p&gt;&lt;p&gt;Alles läuft auf diesem Computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Drop area</source>
        <translation>Ablagebereich</translation>
    </message>
    <message>
        <source>Drop audio files or folders here, or press Enter to choose files.</source>
        <translation>Legen Sie Audiodateien oder Ordner hier ab, oder drücken Sie die Eingabetaste, um Dateien auszuwählen.</translation>
    </message>
</context>
<context>
    <name>sctx::gui::MainWindow</name>
    <message>
        <source>The batch cannot be saved for resuming (%1); it goes on, but quitting loses what is not done.</source>
        <translation>Der Stapel kann nicht zum späteren Fortsetzen gespeichert werden (%1); die Verarbeitung läuft weiter, aber beim Beenden geht verloren, was noch nicht erledigt ist.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Model: &lt;a href=&quot;info&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Modell: &lt;a href=&quot;info&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>The last batch was not finished: %1 of %2 files done. &lt;a href=&quot;resume&quot;&gt;Resume it&lt;/a&gt; &amp;nbsp;·&amp;nbsp; &lt;a href=&quot;discard&quot;&gt;Discard it&lt;/a&gt;</source>
        <translation>Der letzte Stapel wurde nicht abgeschlossen: %1 von %2 Dateien erledigt. &lt;a href=&quot;resume&quot;&gt;Fortsetzen&lt;/a&gt; &amp;nbsp;·&amp;nbsp; &lt;a href=&quot;discard&quot;&gt;Verwerfen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Settings not applied</source>
        <translation>Einstellungen nicht übernommen</translation>
    </message>
    <message>
        <source>The classifier could not be set up: %1</source>
        <translation>Der Klassifikator konnte nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No model loaded&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kein Modell geladen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>. Files are listed but not classified until you &lt;a href=&quot;load&quot;&gt;load a model&lt;/a&gt;.</source>
        <translation>. Dateien werden aufgelistet, aber erst klassifiziert, wenn Sie &lt;a href=&quot;load&quot;&gt;ein Modell laden&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Model not loaded</source>
        <translation>Modell nicht geladen</translation>
    </message>
    <message>
        <source>The model “%1” could not be loaded:

%2

Still using: %3.</source>
        <translation>Das Modell „%1“ konnte nicht geladen werden:

%2

Weiterhin verwendet: %3.</translation>
    </message>
    <message>
        <source>Using model %1</source>
        <translation>Modell %1 wird verwendet</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt);;All files (*)</source>
        <translation>TorchScript-Modelle (*.pt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import best_model.pth</source>
        <translation>best_model.pth importieren</translation>
    </message>
    <message>
        <source>PyTorch state_dict (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch-state_dict (*.pth *.pt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>“%1” could not be imported:

%2

Still using: %3.</source>
        <translation>„%1“ konnte nicht importiert werden:

%2

Weiterhin verwendet: %3.</translation>
    </message>
    <message>
        <source>Model in use</source>
        <translation>Verwendetes Modell</translation>
    </message>
    <message>
        <source>Open audio files</source>
        <translation>Audiodateien öffnen</translation>
    </message>
    <message>
        <source>Audio (*.wav *.mp3 *.flac *.ogg *.oga *.opus *.m4a *.aac *.aiff *.aif *.wma *.mp4);;All files (*)</source>
        <translation>Audio (*.wav *.mp3 *.flac *.ogg *.oga *.opus *.m4a *.aac *.aiff *.aif *.wma *.mp4);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>No examples</source>
        <translation>Keine Beispiele</translation>
    </message>
    <message>
        <source>The example recordings were not found next to the app.</source>
        <translation>Die Beispielaufnahmen wurden im Verzeichnis der Anwendung nicht gefunden.</translation>
    </message>
    <message>
        <source>Waiting for a model</source>
        <translation>Warten auf ein Modell</translation>
    </message>
    <message>
        <source>Paused — you may quit: the rest is done when you open the app again</source>
        <translation>Pausiert — Sie können die Anwendung beenden: Der Rest wird erledigt, wenn Sie sie wieder öffnen</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>wird gestartet…</translation>
    </message>
    <message>
        <source>1 file classified</source>
        <translation>1 Datei klassifiziert</translation>
    </message>
    <message>
        <source>%1 files classified</source>
        <translation>%1 Dateien klassifiziert</translation>
    </message>
    <message>
        <source>, %1 could not be read</source>
        <translation>, %1 nicht lesbar</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>%1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Export selection</source>
        <translation>Auswahl exportieren</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1:

%2</source>
        <translation>%1 konnte nicht geschrieben werden:

%2</translation>
    </message>
    <message>
        <source>Exported the summary to %1</source>
        <translation>Zusammenfassung nach %1 exportiert</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>Zusammenfassung exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide was not found next to the app.</source>
        <translation>Das Benutzerhandbuch wurde im Verzeichnis der Anwendung nicht gefunden.</translation>
    </message>
    <message>
        <source>No program is set up to open %1.</source>
        <translation>Kein Programm ist zum Öffnen von %1 eingerichtet.</translation>
    </message>
</context>
<context>
    <name>sctx::gui::ModelManager</name>
    <message>
        <source>the shipped model was not found (load one from Model ▸ Load model…)</source>
        <translation>das mitgelieferte Modell wurde nicht gefunden (laden Sie eines über Modell ▸ Modell laden…)</translation>
    </message>
    <message>
        <source>Default (fast)</source>
        <translation>Standard (schnell)</translation>
    </message>
    <message>
        <source>Accurate</source>
        <translation>Genau</translation>
    </message>
    <message>
        <source>“%1” is not one of the shipped models (default, accurate)</source>
        <translation>„%1“ ist keines der mitgelieferten Modelle (default, accurate)</translation>
    </message>
    <message>
        <source>the shipped model “%1” was not found next to the program</source>
        <translation>das mitgelieferte Modell „%1“ wurde im Programmverzeichnis nicht gefunden</translation>
    </message>
    <message>
        <source>no model loaded</source>
        <translation>kein Modell geladen</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No model loaded.&lt;/b&gt; Load a TorchScript model with Model ▸ Load model…&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Kein Modell geladen.&lt;/b&gt; Laden Sie ein TorchScript-Modell über Modell ▸ Modell laden…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Name&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Version&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Architecture&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Classes&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Window&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%1 s (hop %2 s)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;SHA-256&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%7&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;File&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;About&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Name&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Version&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Architektur&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Klassen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Fenster&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%1 s (Schrittweite %2 s)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;SHA-256&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%7&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Datei&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Beschreibung&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>%1 — shipped model “%2”</source>
        <translation>%1 — mitgeliefertes Modell „%2“</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>sctx::gui::Playback</name>
    <message>
        <source>no audio output device</source>
        <translation>kein Audioausgabegerät vorhanden</translation>
    </message>
    <message>
        <source>this build has no audio playback</source>
        <translation>dieser Build unterstützt keine Audiowiedergabe</translation>
    </message>
    <message>
        <source>this file cannot be played here</source>
        <translation>diese Datei kann hier nicht wiedergegeben werden</translation>
    </message>
</context>
<context>
    <name>sctx::gui::ProbabilityChart</name>
    <message>
        <source>Class probabilities</source>
        <translation>Klassenwahrscheinlichkeiten</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
</context>
<context>
    <name>sctx::gui::RecentItems</name>
    <message>
        <source>Clear recent items</source>
        <translation>Liste zuletzt geöffneter Elemente leeren</translation>
    </message>
</context>
<context>
    <name>sctx::gui::ResultsModel</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>Wird klassifiziert…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Uncertain (%1)</source>
        <translation>Unsicher (%1)</translation>
    </message>
    <message>
        <source>Confidence %1 % is below the minimum of %2 %</source>
        <translation>Konfidenz von %1 % liegt unter dem Minimum von %2 %</translation>
    </message>
    <message>
        <source>Probability of “%1”</source>
        <translation>Wahrscheinlichkeit für „%1“</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
</context>
<context>
    <name>sctx::gui::SettingsDialog</name>
    <message>
        <source>%1 s (fixed by the model)</source>
        <translation>%1 s (vom Modell festgelegt)</translation>
    </message>
    <message>
        <source>The model&apos;s own (%1 s)</source>
        <translation>Vorgabe des Modells (%1 s)</translation>
    </message>
    <message>
        <source>the model&apos;s (no model loaded)</source>
        <translation>vom Modell (kein Modell geladen)</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV-Tabelle</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Audacity labels</source>
        <translation>Audacity-Labels</translation>
    </message>
    <message>
        <source>Raven selection table</source>
        <translation>Raven-Auswahltabelle</translation>
    </message>
    <message>
        <source>Sonic Visualiser layer</source>
        <translation>Sonic-Visualiser-Ebene</translation>
    </message>
    <message>
        <source>No preset</source>
        <translation>Keine Voreinstellung</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Voreinstellung speichern</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>Name der Voreinstellung:</translation>
    </message>
</context>
<context>
    <name>sctx::gui::SpectrogramView</name>
    <message>
        <source>Log-mel spectrogram: the features the model hears. Click to play from there.</source>
        <translation>Log-Mel-Spektrogramm: die Merkmale, die das Modell hört. Klicken Sie, um ab dieser Stelle abzuspielen.</translation>
    </message>
    <message>
        <source>No spectrogram: %1</source>
        <translation>Kein Spektrogramm: %1</translation>
    </message>
    <message>
        <source>Hz</source>
        <translation>Hz</translation>
    </message>
    <message>
        <source>first %1 shown</source>
        <translation>erste %1 angezeigt</translation>
    </message>
    <message>
        <source>Select a file to see its spectrogram</source>
        <translation>Wählen Sie eine Datei aus, um ihr Spektrogramm zu sehen</translation>
    </message>
    <message>
        <source>Log-mel spectrogram</source>
        <translation>Log-Mel-Spektrogramm</translation>
    </message>
</context>
<context>
    <name>sctx::gui::TimelineStrip</name>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>%1 – %2: %3 (%4%)</source>
        <translation>%1 – %2: %3 (%4 %)</translation>
    </message>
    <message>
        <source>Timeline of classes</source>
        <translation>Zeitleiste der Klassen</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 bis %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s). </source>
        <translation>
            <numerusform>%n Fenster. </numerusform>
            <numerusform>%n Fenster. </numerusform>
        </translation>
    </message>
</context>
</TS>
