// Package audio is the last in-process stage of the speech pipeline: it
// assembles per-sentence PCM into one stream with natural pauses, measures and
// corrects loudness, and encodes and tags the result.
//
// Inputs are mono PCM buffers at the engine's sample rate (int16 from the
// engines, float32 inside this package, full scale ±1.0). Outputs are one
// assembled stream with the sample span of every piece (for the timeline and
// chapters) and encoded files (MP3, Opus, WAV) written atomically.
//
// Loudness follows ITU-R BS.1770-4 / EBU R128: K-weighting designed for the
// actual sample rate, 400 ms blocks with 75% overlap, the absolute −70 LUFS
// gate and the relative −10 LU gate. True peak is measured on a polyphase
// oversampled signal (at least 4×). Normalize applies gain towards a target
// (−16 LUFS by default) and a look-ahead true-peak limiter, because engines
// such as espeak-ng already peak near 0 dBTP at about −20 LUFS, so gain
// alone would clip. Doing this in-process saves ffmpeg's two-pass loudnorm.
//
// Assemble trims each piece's leading and trailing silence (keeping short
// margins), inserts pauses by break kind (sentence 350 ms, paragraph 700 ms,
// heading 900 ms, measured speech to speech) and fades every edit over
// 5 ms, returning every piece's Span for the timeline and chapters.
//
// Encoder runs ffmpeg through proc with PCM on stdin. MP3 (mono, 24 kHz,
// 64 kbit/s CBR, libmp3lame) dominates a render's wall time and LAME is
// single-threaded, so audio of 40 s or more is cut in the middle of pauses
// into one chunk per CPU, encoded concurrently and joined frame by frame;
// the surplus frames each encoder adds are dropped from the silent tail of
// each chunk so later audio stays where the timeline puts it (within 12
// ms). The ID3v2.3 tag is written here (ID3v2): TIT2, TPE1, TLAN, COMM,
// TXXX:DigitalSourceType and CHAP/CTOC chapters. Opus gets the same
// metadata as Vorbis comments and chapters through an inline ffmetadata
// input; WAV is written directly with a RIFF INFO chunk. EncodeFile writes
// a temporary file in the destination directory and renames it into place.
//
// Raw MP3 without a Xing/Info frame carries LAME's encoder delay (1105
// samples, 46 ms at 24 kHz) at the start, which players do not trim; the
// encoder drops that much of the lead-in silence Assemble puts first, so
// MP3 audio plays at the assembled stream's timestamps.
//
// Failure modes: silent or too-short input has no integrated loudness
// (IntegratedLoudness returns -Inf and Normalize leaves it untouched);
// encoding fails when ffmpeg is missing, crashes or the context is
// cancelled, and then no output file appears.
package audio
