/*
 * aloud-flite: a long-lived flite process for aloud.
 *
 * Part of aloud (MIT licence). It links libflite, whose BSD-style licence
 * permits that. Starting flite costs ~40-50 ms, more than synthesizing a
 * sentence, so aloud keeps one of these per core and feeds it sentences.
 *
 * Protocol (all integers little-endian uint32; see internal/tts/helper):
 *   request:  len(voice) voice len(text) text
 *   response: 0 rate n n*int16 words words*(byte_start byte_end sample_start sample_end)
 *         or  1 len(message) message      (request refused, helper stays up)
 * Word spans are byte offsets of flite's tokens (the text's white-space-
 * delimited chunks, without surrounding punctuation) in the request text;
 * word times come from the end times of the tokens' segments.
 *
 *   aloud-flite            serve requests on stdin/stdout until EOF
 *   aloud-flite --version  print "flite-VERSION"
 */
#define _GNU_SOURCE /* memmem */
#define HELPER_NAME "aloud-flite"
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <flite.h>
#include <flite_version.h>

cst_voice *register_cmu_us_rms(const char *voxdir);
cst_voice *register_cmu_us_slt(const char *voxdir);
cst_voice *register_cmu_us_kal16(const char *voxdir);
cst_voice *register_cmu_us_kal(const char *voxdir);
cst_voice *register_cmu_us_awb(const char *voxdir);

#define MAX_VOICE 256
#define MAX_TEXT (1 << 20)

/* Voices are registered on first use: each costs memory and start time. */
static struct {
	const char *name;
	cst_voice *(*reg)(const char *);
	cst_voice *voice;
} voices[] = {
	{"rms", register_cmu_us_rms, NULL},
	{"slt", register_cmu_us_slt, NULL},
	{"kal16", register_cmu_us_kal16, NULL},
	{"kal", register_cmu_us_kal, NULL},
	{"awb", register_cmu_us_awb, NULL},
};

#include "../protocol.h"

static cst_voice *find_voice(const char *name)
{
	for (size_t i = 0; i < sizeof voices / sizeof voices[0]; i++) {
		if (strcmp(voices[i].name, name) == 0) {
			if (!voices[i].voice)
				voices[i].voice = voices[i].reg(NULL);
			return voices[i].voice;
		}
	}
	return NULL;
}

/* seg_end is the end time in seconds of a segment, or -1. */
static float seg_end(const cst_item *seg)
{
	return seg && item_feat_present(seg, "end") ? item_feat_float(seg, "end") : -1;
}

/* first_seg and last_seg are a word's first and last segments in the
 * Segment relation, or NULL for a word without any (silent punctuation). */
static const cst_item *first_seg(const cst_item *word)
{
	const cst_item *w = item_as(word, "SylStructure");
	for (const cst_item *syl = w ? item_daughter(w) : NULL; syl; syl = item_next(syl))
		if (item_daughter(syl))
			return item_as(item_daughter(syl), "Segment");
	return NULL;
}

static const cst_item *last_seg(const cst_item *word)
{
	const cst_item *w = item_as(word, "SylStructure");
	for (const cst_item *syl = w ? item_last_daughter(w) : NULL; syl; syl = item_prev(syl))
		if (item_last_daughter(syl))
			return item_as(item_last_daughter(syl), "Segment");
	return NULL;
}

/* token_times finds when a token is spoken: from the end of the segment
 * before its first segment to the end of its last segment. */
static int token_times(const cst_item *tok, float *start, float *end)
{
	const cst_item *fs = NULL, *ls = NULL;
	for (const cst_item *w = item_daughter(tok); w && !fs; w = item_next(w))
		fs = first_seg(w);
	for (const cst_item *w = item_last_daughter(tok); w && !ls; w = item_prev(w))
		ls = last_seg(w);
	if (!fs || !ls)
		return 0;
	*start = item_prev(fs) ? seg_end(item_prev(fs)) : 0;
	*end = seg_end(ls);
	return *start >= 0 && *end >= *start;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* punct_len is the length of the punctuation character at s (quotes,
 * brackets and sentence punctuation; not $ or %, which are spoken),
 * « » ¡ ¿, or U+2010..U+205F: dashes, quotes, ellipsis), or 0. */
static size_t punct_len(const unsigned char *s, size_t n)
{
	if (n >= 1 && s[0] != 0 && strchr(".,;:!?\"'()[]{}<>*_`", s[0]))
		return 1;
	if (n >= 2 && s[0] == 0xc2 && (s[1] == 0xab || s[1] == 0xbb || s[1] == 0xa1 || s[1] == 0xbf))
		return 2;
	if (n >= 3 && s[0] == 0xe2 && (s[1] == 0x80 || (s[1] == 0x81 && s[2] <= 0x9f)))
		return 3;
	return 0;
}

/* punct_before is the length of the punctuation character ending at s+n. */
static size_t punct_before(const unsigned char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++)
		if (punct_len(s + n - k, k) == k)
			return k;
	return 0;
}

/* trim narrows [*bs, *be) to the word inside its punctuation; a token of
 * punctuation only is kept whole. */
static void trim(const char *text, size_t *bs, size_t *be)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t s = *bs, e = *be, k;
	while (s < e && (k = punct_len(t + s, e - s)) > 0)
		s += k;
	while (e > s && (k = punct_before(t + s, e - s)) > 0)
		e -= k;
	if (s < e)
		*bs = s, *be = e;
}

/* next_chunk finds the next white-space-delimited chunk of text from *pos. */
static int next_chunk(const char *text, size_t *pos, size_t *bs, size_t *be)
{
	size_t p = *pos;
	while (text[p] && is_space(text[p]))
		p++;
	if (!text[p])
		return 0;
	*bs = p;
	while (text[p] && !is_space(text[p]))
		p++;
	*be = *pos = p;
	return 1;
}

/* put_words appends the word table. flite's tokens are the text's
 * white-space-delimited chunks, in order, so the k-th token is the k-th
 * chunk (checked: the token's name lies in its chunk); spans are trimmed of surrounding punctuation. */
static void put_words(buf *w, cst_utterance *u, const char *text, int rate, int nsamples)
{
	buf words = {0};
	uint32_t n = 0;
	size_t pos = 0, bs, be;
	int prev_end = 0;
	for (const cst_item *t = relation_head(utt_relation(u, "Token")); t; t = item_next(t)) {
		const char *name = item_feat_string(t, "name");
		float s, e;
		if (!next_chunk(text, &pos, &bs, &be))
			break;
		if (*name && !memmem(text + bs, be - bs, name, strlen(name)))
			break; /* tokens and chunks disagree: report no more words than we are sure of */
		if (!token_times(t, &s, &e))
			continue; /* silent: "--" */
		int ss = (int)(s * rate + 0.5f), se = (int)(e * rate + 0.5f);
		if (ss < prev_end)
			ss = prev_end;
		if (se > nsamples)
			se = nsamples;
		if (se < ss)
			se = ss;
		trim(text, &bs, &be);
		put32(&words, bs);
		put32(&words, be);
		put32(&words, ss);
		put32(&words, se);
		prev_end = se;
		n++;
	}
	put32(w, n);
	if (words.len)
		put(w, words.b, words.len);
	free(words.b);
}

static void serve_one(buf *w, const char *vname, const char *text)
{
	cst_voice *v = find_voice(vname);
	if (!v) {
		char msg[MAX_VOICE + 64];
		snprintf(msg, sizeof msg, "unknown flite voice %s", vname);
		refuse(w, msg);
		return;
	}
	cst_utterance *u = flite_synth_text(text, v);
	cst_wave *wav = u ? utt_wave(u) : NULL;
	if (!wav) {
		if (u)
			delete_utterance(u);
		refuse(w, "flite produced no audio");
		return;
	}
	int rate = cst_wave_sample_rate(wav), n = cst_wave_num_samples(wav);
	put32(w, 0);
	put32(w, rate);
	put32(w, n);
	for (int i = 0; i < n; i++) {
		uint16_t s = (uint16_t)cst_wave_samples(wav)[i];
		unsigned char b[2] = {s & 0xff, s >> 8};
		put(w, b, 2);
	}
	put_words(w, u, text, rate, n);
	flush(w);
	delete_utterance(u);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("flite-%s\n", FLITE_PROJECT_VERSION);
		return 0;
	}
	if (argc > 1) {
		fprintf(stderr, "usage: aloud-flite [--version]\n");
		return 2;
	}
	out = dup(1);
	if (out < 0 || dup2(2, 1) < 0) {
		perror("aloud-flite: dup");
		return 2;
	}
	flite_init();
	buf w = {0};
	char *voice = malloc(MAX_VOICE + 1), *text = malloc(MAX_TEXT + 1);
	for (;;) {
		uint32_t vl, tl;
		int r = read32(&vl);
		if (r == 0)
			return 0; /* EOF between requests: aloud closed the pool */
		if (r < 0 || vl > MAX_VOICE || read_full(voice, vl) != 1 ||
		    read32(&tl) != 1 || tl > MAX_TEXT || read_full(text, tl) != 1) {
			fprintf(stderr, "aloud-flite: malformed request\n");
			return 2;
		}
		voice[vl] = text[tl] = 0;
		serve_one(&w, voice, text);
	}
}
