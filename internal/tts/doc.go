// Package tts is the synthesis stage of the pipeline: it turns one spoken
// sentence into mono 16-bit PCM plus, where the engine reports them, the
// sample positions of its words.
//
// Input is a voice ID ("engine:name", for example "flite:rms" or
// "espeak:de") and the spoken text of one sentence. Output is an Audio: the
// sample rate, the samples and Words whose spans are byte offsets into the
// text that was synthesized.
//
// Engines live in subpackages named after the tool they run (tts/flite,
// tts/espeak). Each runs its engine either as a pool of long-lived helper
// processes (helpers/*/aloud-*.c, speaking the framed protocol in
// tts/helper) or, when no helper binary is installed, as one CLI process
// per sentence. Both go through internal/proc.
//
// Failure modes: an unknown voice (ErrUnknownVoice, naming the valid
// ones), a missing engine (the error says to run scripts/install-deps), an
// engine that crashes (the error carries its exit status and stderr; a
// helper is restarted on the next request) and cancellation (the context
// error; a helper busy with the cancelled request is killed so the pool
// never wedges).
package tts
