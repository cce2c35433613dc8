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
// Failure modes: silent or too-short input has no integrated loudness
// (IntegratedLoudness returns -Inf and Normalize leaves it untouched);
// encoding fails when ffmpeg is missing, crashes or the context is
// cancelled, and then no output file appears.
package audio
