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
// tts/espeak, tts/festival, tts/piper) or the protocol they speak
// (tts/speechhttp, OpenAI-compatible speech servers). Local engines run
// as pools of long-lived processes (tts/helper: aloud's own helpers speak a
// framed protocol, festival --pipe and Piper's JSON mode have codecs of
// their own) or, for flite and espeak-ng without their helper, one CLI
// process per sentence; all through internal/proc. Each engine declares its
// Capabilities (word timings, phoneme input, sample rate, licence, whether
// it reads ASCII only).
//
// The pipeline calls engines through Speak, which gives each what it can
// say: ASCII-only engines (flite, festival) get text folded by the
// language's table (package fold: "Müller" → "Mueller"), with word spans
// mapped back to the text.
//
// Failure modes: an unknown voice (ErrUnknownVoice, naming the valid
// ones), a language no installed voice speaks (ErrNoVoiceForLanguage,
// naming the language and those installed), a missing engine (the error says to run scripts/install-deps), an
// engine that crashes (the error carries its exit status and stderr; a
// helper is restarted on the next request) and cancellation (the context
// error; a helper busy with the cancelled request is killed so the pool
// never wedges).
package tts
