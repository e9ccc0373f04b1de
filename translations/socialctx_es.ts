<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Social Context Classifier</source>
        <translation>Acerca de Social Context Classifier</translation>
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
        <translation>Filtrar por nombre de archivo…</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>&amp;Clase:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelados</translation>
    </message>
    <message>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Lote</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Open files…</source>
        <translation>&amp;Abrir archivos…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation>Abrir &amp;ejemplo</translation>
    </message>
    <message>
        <source>Classify the short example recordings that come with the app</source>
        <translation>Clasificar las breves grabaciones de ejemplo que vienen con la aplicación</translation>
    </message>
    <message>
        <source>&amp;Export table…</source>
        <translation>Exportar &amp;tabla…</translation>
    </message>
    <message>
        <source>Save the rows shown as CSV, JSON or Audacity labels</source>
        <translation>Guardar las filas mostradas como CSV, JSON o etiquetas de Audacity</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;selection…</source>
        <translation>Exportar se&amp;lección…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Export s&amp;ummary…</source>
        <translation>Exportar res&amp;umen…</translation>
    </message>
    <message>
        <source>Files and recorded time per class, as CSV (summary.csv)</source>
        <translation>Archivos y tiempo grabado por clase, en CSV (summary.csv)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Copiar filas</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <source>Ctrl+A</source>
        <translation>Ctrl+A</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>C&amp;lear results</source>
        <translation>&amp;Borrar resultados</translation>
    </message>
    <message>
        <source>Model &amp;in use…</source>
        <translation>Modelo en &amp;uso…</translation>
    </message>
    <message>
        <source>&amp;Default (fast)</source>
        <translation>&amp;Predeterminado (rápido)</translation>
    </message>
    <message>
        <source>The shipped fast model (socialctx classify --model default)</source>
        <translation>El modelo rápido incluido (socialctx classify --model default)</translation>
    </message>
    <message>
        <source>&amp;Accurate</source>
        <translation>Pre&amp;ciso</translation>
    </message>
    <message>
        <source>The shipped accurate model: slower, better at telling conversations from groups (socialctx classify --model accurate)</source>
        <translation>El modelo preciso incluido: más lento, distingue mejor las conversaciones de los grupos (socialctx classify --model accurate)</translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation>Cargar &amp;modelo…</translation>
    </message>
    <message>
        <source>Use another TorchScript model (.pt)</source>
        <translation>Usar otro modelo TorchScript (.pt)</translation>
    </message>
    <message>
        <source>&amp;Import best_model.pth…</source>
        <translation>&amp;Importar best_model.pth…</translation>
    </message>
    <message>
        <source>Convert a PyTorch state_dict from the original project into a model and use it</source>
        <translation>Convertir un state_dict de PyTorch del proyecto original en un modelo y usarlo</translation>
    </message>
    <message>
        <source>&amp;About Social Context Classifier</source>
        <translation>&amp;Acerca de Social Context Classifier</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>Open the user guide that came with the app</source>
        <translation>Abrir la guía del usuario que acompaña a la aplicación</translation>
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
        <translation>Tabla CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Audacity labels (*.txt)</source>
        <translation>Etiquetas de Audacity (*.txt)</translation>
    </message>
    <message>
        <source>Raven selection table (*.selections.txt)</source>
        <translation>Tabla de selecciones de Raven (*.selections.txt)</translation>
    </message>
    <message>
        <source>Sonic Visualiser layer (*.csv)</source>
        <translation>Capa de Sonic Visualiser (*.csv)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Ventana:</translation>
    </message>
    <message>
        <source>Each window of audio the model hears. It is fixed by the model.</source>
        <translation>Cada ventana de audio que escucha el modelo. Su duración la fija el modelo.</translation>
    </message>
    <message>
        <source>3 s (the model&apos;s)</source>
        <translation>3 s (la del modelo)</translation>
    </message>
    <message>
        <source>&amp;Hop between windows:</source>
        <translation>&amp;Salto entre ventanas:</translation>
    </message>
    <message>
        <source>How far apart the windows of a long recording start. Smaller is finer and slower.</source>
        <translation>Distancia entre los inicios de las ventanas de una grabación larga. Un valor menor es más fino y más lento.</translation>
    </message>
    <message>
        <source>The model&apos;s own</source>
        <translation>El del modelo</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Hilos:</translation>
    </message>
    <message>
        <source>CPU threads used to classify files. Fewer leaves the computer more responsive.</source>
        <translation>Hilos de CPU usados para clasificar los archivos. Con menos hilos, el equipo responde mejor.</translation>
    </message>
    <message>
        <source>All cores</source>
        <translation>Todos los núcleos</translation>
    </message>
    <message>
        <source>&amp;Spectrogram shows the first:</source>
        <translation>El &amp;espectrograma muestra los primeros:</translation>
    </message>
    <message>
        <source>How much of a long recording the spectrogram reads and draws.</source>
        <translation>Qué parte de una grabación larga lee y dibuja el espectrograma.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Minimum confidence:</source>
        <translation>Confianza &amp;mínima:</translation>
    </message>
    <message>
        <source>Results less confident than this are shown as uncertain in the table, the summary and exports. Their probabilities are kept.</source>
        <translation>Los resultados con una confianza menor se muestran como inciertos en la tabla, el resumen y las exportaciones. Sus probabilidades se conservan.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Hop and threads apply to files classified from now on; the minimum confidence applies to every row at once.</source>
        <translation>El salto y los hilos se aplican a los archivos que se clasifiquen a partir de ahora; la confianza mínima se aplica de inmediato a todas las filas.</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Preajuste:</translation>
    </message>
    <message>
        <source>Named sets of the analysis settings (hop, batch size, minimum confidence, export format). Choosing one fills them in.</source>
        <translation>Conjuntos con nombre de los ajustes de análisis (salto, tamaño de lote, confianza mínima, formato de exportación). Al elegir uno se rellenan los campos.</translation>
    </message>
    <message>
        <source>Save the analysis settings below under a name.</source>
        <translation>Guardar con un nombre los ajustes de análisis de abajo.</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <source>Delete the chosen preset.</source>
        <translation>Eliminar el preajuste elegido.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Put the analysis settings back to their defaults.</source>
        <translation>Devolver los ajustes de análisis a sus valores predeterminados.</translation>
    </message>
    <message>
        <source>&amp;Reset to defaults</source>
        <translation>&amp;Restablecer valores predeterminados</translation>
    </message>
    <message>
        <source>Windows per &amp;batch:</source>
        <translation>Ventanas por &amp;lote:</translation>
    </message>
    <message>
        <source>How many windows the model hears in one pass. Larger can be faster and needs more memory; results do not change.</source>
        <translation>Cuántas ventanas escucha el modelo en una pasada. Un valor mayor puede ser más rápido y necesita más memoria; los resultados no cambian.</translation>
    </message>
    <message>
        <source>Default e&amp;xport format:</source>
        <translation>Formato de e&amp;xportación predeterminado:</translation>
    </message>
    <message>
        <source>The format File ▸ Export table offers first.</source>
        <translation>El formato que Archivo ▸ Exportar tabla ofrece primero.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>The language of the app. It changes when the app is next started.</source>
        <translation>El idioma de la aplicación. Cambia la próxima vez que se inicie la aplicación.</translation>
    </message>
</context>
<context>
    <name>sctx::gui::AboutDialog</name>
    <message>
        <source>Everything runs on this computer. The app makes no network connections and sends nothing anywhere.</source>
        <translation>Todo se ejecuta en este equipo. La aplicación no establece conexiones de red ni envía nada a ninguna parte.</translation>
    </message>
    <message>
        <source>Version %1 · Qt %2 · FFT: %3</source>
        <translation>Versión %1 · Qt %2 · FFT: %3</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build is distributed under the &lt;b&gt;GNU General Public License, version 3 or later&lt;/b&gt; (GPL-3.0-or-later), because it links FFTW (GPL-2.0-or-later) and FFmpeg built with GPL components.&lt;/p&gt;&lt;p&gt;Builds made with the KissFFT backend (BSD-3-Clause) instead of FFTW, against an LGPL FFmpeg, can be distributed under the project&apos;s own licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Esta compilación se distribuye bajo la &lt;b&gt;GNU General Public License, versión 3 o posterior&lt;/b&gt; (GPL-3.0-or-later), porque enlaza FFTW (GPL-2.0-or-later) y un FFmpeg compilado con componentes GPL.&lt;/p&gt;&lt;p&gt;Las compilaciones hechas con el backend KissFFT (BSD-3-Clause) en lugar de FFTW y enlazadas con un FFmpeg LGPL pueden distribuirse bajo la licencia propia del proyecto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build uses the KissFFT backend (BSD-3-Clause) instead of FFTW. The program&apos;s licence is the project&apos;s own; FFmpeg is used under the LGPL-2.1-or-later, and other components under their own licences below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Esta compilación usa el backend KissFFT (BSD-3-Clause) en lugar de FFTW. La licencia del programa es la propia del proyecto; FFmpeg se usa bajo la LGPL-2.1-or-later, y los demás componentes bajo sus propias licencias, indicadas más abajo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Classifies recordings into five social contexts — Alone / Quiet, Speech / Monologue, One-on-One Conversation, Group Discussion, Noisy Environment — in 3-second windows.&lt;/p&gt;&lt;h3&gt;Privacy&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;h3&gt;Licences&lt;/h3&gt;%2&lt;p&gt;Components: Qt 6 (LGPL-3.0), LibTorch (BSD-3-Clause), FFmpeg (LGPL-2.1-or-later / GPL), libsndfile (LGPL-2.1-or-later), libsoxr (LGPL-2.1-or-later), FFTW (GPL-2.0-or-later) or KissFFT (BSD-3-Clause), nlohmann/json (MIT), pugixml (MIT).&lt;/p&gt;&lt;h3&gt;The model&lt;/h3&gt;%3&lt;p&gt;The predictions come from a small neural network trained on synthetic and real speech. They are estimates: check what matters.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Clasifica grabaciones en cinco contextos sociales — Alone / Quiet (solo / silencio), Speech / Monologue (discurso / monólogo), One-on-One Conversation (conversación a dos), Group Discussion (discusión en grupo), Noisy Environment (entorno ruidoso) — en ventanas de 3 segundos.&lt;/p&gt;&lt;h3&gt;Privacidad&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;h3&gt;Licencias&lt;/h3&gt;%2&lt;p&gt;Componentes: Qt 6 (LGPL-3.0), LibTorch (BSD-3-Clause), FFmpeg (LGPL-2.1-or-later / GPL), libsndfile (LGPL-2.1-or-later), libsoxr (LGPL-2.1-or-later), FFTW (GPL-2.0-or-later) o KissFFT (BSD-3-Clause), nlohmann/json (MIT), pugixml (MIT).&lt;/p&gt;&lt;h3&gt;El modelo&lt;/h3&gt;%3&lt;p&gt;Las predicciones proceden de una pequeña red neuronal entrenada con habla sintética y real. Son estimaciones: compruebe lo que sea importante.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;In use: &lt;b&gt;%1&lt;/b&gt; (Model ▸ Model in use… tells more).&lt;/p&gt;</source>
        <translation>&lt;p&gt;En uso: &lt;b&gt;%1&lt;/b&gt; (más información en Modelo ▸ Modelo en uso…).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>sctx::gui::BatchController</name>
    <message>
        <source>another window of the app is keeping its batch in %1</source>
        <translation>otra ventana de la aplicación ya mantiene su lote en %1</translation>
    </message>
</context>
<context>
    <name>sctx::gui::BatchSummaryBar</name>
    <message>
        <source>Batch summary</source>
        <translation>Resumen del lote</translation>
    </message>
    <message>
        <source>%1: %2 files (%3 %), %4
</source>
        <translation>%1: %2 archivos (%3 %), %4
</translation>
    </message>
    <message>
        <source>Uncertain (below %1 %): %2 files, %3
</source>
        <translation>Inciertos (por debajo del %1 %): %2 archivos, %3
</translation>
    </message>
    <message>
        <source>1 file, %1</source>
        <translation>1 archivo, %1</translation>
    </message>
    <message>
        <source>%1 files, %2</source>
        <translation>%1 archivos, %2</translation>
    </message>
    <message>
        <source>uncertain %1 (%2)</source>
        <translation>inciertos %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallido</numerusform>
            <numerusform>%n fallidos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sctx::gui::DetailsPanel</name>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Reproducir / pausar (Espacio)</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>Probabilidades de las clases</translation>
    </message>
    <message>
        <source>Log-mel spectrogram</source>
        <translation>Espectrograma log-mel</translation>
    </message>
    <message>
        <source>Cannot play: %1</source>
        <translation>No se puede reproducir: %1</translation>
    </message>
    <message>
        <source>No file selected</source>
        <translation>Ningún archivo seleccionado</translation>
    </message>
    <message>
        <source>Select a row to see its probabilities, spectrogram and timeline.</source>
        <translation>Seleccione una fila para ver sus probabilidades, su espectrograma y su línea de tiempo.</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>mono</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>estéreo</translation>
    </message>
    <message>
        <source>%1 channels</source>
        <translation>%1 canales</translation>
    </message>
    <message>
        <source>%1 kHz %2, %3</source>
        <translation>%1 kHz %2, %3</translation>
    </message>
    <message>
        <source>1 window</source>
        <translation>1 ventana</translation>
    </message>
    <message>
        <source>%1 windows</source>
        <translation>%1 ventanas</translation>
    </message>
    <message>
        <source>&lt;b&gt;%2&lt;/b&gt; · %1% sure · %3 · %4</source>
        <translation>&lt;b&gt;%2&lt;/b&gt; · %1 % de confianza · %3 · %4</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#b02020&quot;&gt;&lt;b&gt;Error:&lt;/b&gt; %1&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#b02020&quot;&gt;&lt;b&gt;Error:&lt;/b&gt; %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Computing the spectrogram…</source>
        <translation>Calculando el espectrograma…</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Reproducir o pausar</translation>
    </message>
    <message>
        <source>Details of the selected file</source>
        <translation>Detalles del archivo seleccionado</translation>
    </message>
</context>
<context>
    <name>sctx::gui::DropArea</name>
    <message>
        <source>&lt;a href=&quot;files&quot;&gt;open files&lt;/a&gt;, &lt;a href=&quot;folder&quot;&gt;a folder&lt;/a&gt; or &lt;a href=&quot;example&quot;&gt;the examples&lt;/a&gt;</source>
        <translation>abra &lt;a href=&quot;files&quot;&gt;archivos&lt;/a&gt;, &lt;a href=&quot;folder&quot;&gt;una carpeta&lt;/a&gt; o &lt;a href=&quot;example&quot;&gt;los ejemplos&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Drop more audio files or folders here, or %1.</source>
        <translation>Suelte aquí más archivos de audio o carpetas, o %1.</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size:large&quot;&gt;&lt;b&gt;Drop audio files or folders here&lt;/b&gt;&lt;/p&gt;&lt;p&gt;WAV, MP3, FLAC, OGG, M4A… — or %1.&lt;/p&gt;&lt;p&gt;Everything runs on this computer.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size:large&quot;&gt;&lt;b&gt;Suelte aquí archivos de audio o carpetas&lt;/b&gt;&lt;/p&gt;&lt;p&gt;WAV, MP3, FLAC, OGG, M4A… — o %1.&lt;/p&gt;&lt;p&gt;Todo se ejecuta en este equipo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Drop area</source>
        <translation>Zona para soltar</translation>
    </message>
    <message>
        <source>Drop audio files or folders here, or press Enter to choose files.</source>
        <translation>Suelte aquí archivos de audio o carpetas, o pulse Intro para elegir archivos.</translation>
    </message>
</context>
<context>
    <name>sctx::gui::MainWindow</name>
    <message>
        <source>The batch cannot be saved for resuming (%1); it goes on, but quitting loses what is not done.</source>
        <translation>No se puede guardar el lote para reanudarlo más tarde (%1); el proceso continúa, pero al salir se perderá lo que no esté terminado.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Model: &lt;a href=&quot;info&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Modelo: &lt;a href=&quot;info&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>The last batch was not finished: %1 of %2 files done. &lt;a href=&quot;resume&quot;&gt;Resume it&lt;/a&gt; &amp;nbsp;·&amp;nbsp; &lt;a href=&quot;discard&quot;&gt;Discard it&lt;/a&gt;</source>
        <translation>El último lote no se terminó: %1 de %2 archivos procesados. &lt;a href=&quot;resume&quot;&gt;Reanudarlo&lt;/a&gt; &amp;nbsp;·&amp;nbsp; &lt;a href=&quot;discard&quot;&gt;Descartarlo&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Settings not applied</source>
        <translation>Preferencias no aplicadas</translation>
    </message>
    <message>
        <source>The classifier could not be set up: %1</source>
        <translation>No se pudo configurar el clasificador: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No model loaded&lt;/b&gt;</source>
        <translation>&lt;b&gt;No hay ningún modelo cargado&lt;/b&gt;</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>. Files are listed but not classified until you &lt;a href=&quot;load&quot;&gt;load a model&lt;/a&gt;.</source>
        <translation>. Los archivos aparecen en la lista, pero no se clasifican hasta que &lt;a href=&quot;load&quot;&gt;cargue un modelo&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Model not loaded</source>
        <translation>Modelo no cargado</translation>
    </message>
    <message>
        <source>The model “%1” could not be loaded:

%2

Still using: %3.</source>
        <translation>No se pudo cargar el modelo «%1»:

%2

Se sigue usando: %3.</translation>
    </message>
    <message>
        <source>Using model %1</source>
        <translation>Se usa el modelo %1</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>Cargar modelo</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt);;All files (*)</source>
        <translation>Modelos TorchScript (*.pt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import best_model.pth</source>
        <translation>Importar best_model.pth</translation>
    </message>
    <message>
        <source>PyTorch state_dict (*.pth *.pt);;All files (*)</source>
        <translation>state_dict de PyTorch (*.pth *.pt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Error al importar</translation>
    </message>
    <message>
        <source>“%1” could not be imported:

%2

Still using: %3.</source>
        <translation>No se pudo importar «%1»:

%2

Se sigue usando: %3.</translation>
    </message>
    <message>
        <source>Model in use</source>
        <translation>Modelo en uso</translation>
    </message>
    <message>
        <source>Open audio files</source>
        <translation>Abrir archivos de audio</translation>
    </message>
    <message>
        <source>Audio (*.wav *.mp3 *.flac *.ogg *.oga *.opus *.m4a *.aac *.aiff *.aif *.wma *.mp4);;All files (*)</source>
        <translation>Audio (*.wav *.mp3 *.flac *.ogg *.oga *.opus *.m4a *.aac *.aiff *.aif *.wma *.mp4);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>No examples</source>
        <translation>No hay ejemplos</translation>
    </message>
    <message>
        <source>The example recordings were not found next to the app.</source>
        <translation>No se encontraron las grabaciones de ejemplo junto a la aplicación.</translation>
    </message>
    <message>
        <source>Waiting for a model</source>
        <translation>Esperando un modelo</translation>
    </message>
    <message>
        <source>Paused — you may quit: the rest is done when you open the app again</source>
        <translation>En pausa — puede salir: el resto se hará cuando vuelva a abrir la aplicación</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>quedan aprox. %1</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>iniciando…</translation>
    </message>
    <message>
        <source>1 file classified</source>
        <translation>1 archivo clasificado</translation>
    </message>
    <message>
        <source>%1 files classified</source>
        <translation>%1 archivos clasificados</translation>
    </message>
    <message>
        <source>, %1 could not be read</source>
        <translation>, %1 con error de lectura</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 archivo</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 archivos</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>Exportación a %2: %1</translation>
    </message>
    <message>
        <source>Export selection</source>
        <translation>Exportar selección</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exportar tabla</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Could not write %1:

%2</source>
        <translation>No se pudo escribir %1:

%2</translation>
    </message>
    <message>
        <source>Exported the summary to %1</source>
        <translation>Resumen exportado a %1</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>Exportar resumen</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
    <message>
        <source>The user guide was not found next to the app.</source>
        <translation>No se encontró la guía del usuario junto a la aplicación.</translation>
    </message>
    <message>
        <source>No program is set up to open %1.</source>
        <translation>No hay ningún programa configurado para abrir %1.</translation>
    </message>
</context>
<context>
    <name>sctx::gui::ModelManager</name>
    <message>
        <source>the shipped model was not found (load one from Model ▸ Load model…)</source>
        <translation>no se encontró el modelo incluido (cargue uno con Modelo ▸ Cargar modelo…)</translation>
    </message>
    <message>
        <source>Default (fast)</source>
        <translation>Predeterminado (rápido)</translation>
    </message>
    <message>
        <source>Accurate</source>
        <translation>Preciso</translation>
    </message>
    <message>
        <source>“%1” is not one of the shipped models (default, accurate)</source>
        <translation>«%1» no es uno de los modelos incluidos (default, accurate)</translation>
    </message>
    <message>
        <source>the shipped model “%1” was not found next to the program</source>
        <translation>no se encontró el modelo incluido «%1» junto al programa</translation>
    </message>
    <message>
        <source>no model loaded</source>
        <translation>ningún modelo cargado</translation>
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
        <translation>&lt;p&gt;&lt;b&gt;No hay ningún modelo cargado.&lt;/b&gt; Cargue un modelo TorchScript con Modelo ▸ Cargar modelo…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Name&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Version&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Architecture&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Classes&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Window&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%1 s (hop %2 s)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;SHA-256&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%7&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;File&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;About&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Nombre&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Versión&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Arquitectura&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Clases&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ventana&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%1 s (salto %2 s)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;SHA-256&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%7&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Archivo&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Descripción&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>%1 — shipped model “%2”</source>
        <translation>%1 — modelo incluido «%2»</translation>
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
        <translation>no hay ningún dispositivo de salida de audio</translation>
    </message>
    <message>
        <source>this build has no audio playback</source>
        <translation>esta compilación no incluye reproducción de audio</translation>
    </message>
    <message>
        <source>this file cannot be played here</source>
        <translation>este archivo no se puede reproducir aquí</translation>
    </message>
</context>
<context>
    <name>sctx::gui::ProbabilityChart</name>
    <message>
        <source>Class probabilities</source>
        <translation>Probabilidades de las clases</translation>
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
        <translation>Borrar elementos recientes</translation>
    </message>
</context>
<context>
    <name>sctx::gui::ResultsModel</name>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>Clasificando…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Uncertain (%1)</source>
        <translation>Incierto (%1)</translation>
    </message>
    <message>
        <source>Confidence %1 % is below the minimum of %2 %</source>
        <translation>La confianza del %1 % está por debajo del mínimo del %2 %</translation>
    </message>
    <message>
        <source>Probability of “%1”</source>
        <translation>Probabilidad de «%1»</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
</context>
<context>
    <name>sctx::gui::SettingsDialog</name>
    <message>
        <source>%1 s (fixed by the model)</source>
        <translation>%1 s (fijada por el modelo)</translation>
    </message>
    <message>
        <source>The model&apos;s own (%1 s)</source>
        <translation>El del modelo (%1 s)</translation>
    </message>
    <message>
        <source>the model&apos;s (no model loaded)</source>
        <translation>la del modelo (no hay ningún modelo cargado)</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>Todos los núcleos (%1)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Tabla CSV</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Audacity labels</source>
        <translation>Etiquetas de Audacity</translation>
    </message>
    <message>
        <source>Raven selection table</source>
        <translation>Tabla de selecciones de Raven</translation>
    </message>
    <message>
        <source>Sonic Visualiser layer</source>
        <translation>Capa de Sonic Visualiser</translation>
    </message>
    <message>
        <source>No preset</source>
        <translation>Sin preajuste</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Guardar preajuste</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>Nombre del preajuste:</translation>
    </message>
</context>
<context>
    <name>sctx::gui::SpectrogramView</name>
    <message>
        <source>Log-mel spectrogram: the features the model hears. Click to play from there.</source>
        <translation>Espectrograma log-mel: las características que escucha el modelo. Haga clic para reproducir desde ese punto.</translation>
    </message>
    <message>
        <source>No spectrogram: %1</source>
        <translation>Sin espectrograma: %1</translation>
    </message>
    <message>
        <source>Hz</source>
        <translation>Hz</translation>
    </message>
    <message>
        <source>first %1 shown</source>
        <translation>primeros %1 mostrados</translation>
    </message>
    <message>
        <source>Select a file to see its spectrogram</source>
        <translation>Seleccione un archivo para ver su espectrograma</translation>
    </message>
    <message>
        <source>Log-mel spectrogram</source>
        <translation>Espectrograma log-mel</translation>
    </message>
</context>
<context>
    <name>sctx::gui::TimelineStrip</name>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>%1 – %2: %3 (%4%)</source>
        <translation>%1 – %2: %3 (%4 %)</translation>
    </message>
    <message>
        <source>Timeline of classes</source>
        <translation>Línea de tiempo de las clases</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 a %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s). </source>
        <translation>
            <numerusform>%n ventana. </numerusform>
            <numerusform>%n ventanas. </numerusform>
        </translation>
    </message>
</context>
</TS>
