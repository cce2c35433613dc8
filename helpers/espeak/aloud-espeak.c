/*
 * aloud-espeak: a long-lived espeak-ng process for aloud.
 *
 * Copyright (C) the aloud authors.
 *
 * This program links libespeak-ng, which is licensed under the GNU GPL
 * version 3, so this program is a separate work licensed under the GNU
 * General Public License version 3 (see LICENSE in this directory), not
 * under aloud's MIT licence. aloud itself never links espeak-ng: it runs
 * this program as a subprocess and talks to it over pipes.
 *
 * This program is free software: you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the
 * Free Software Foundation, either version 3 of the License, or (at your
 * option) any later version. It is distributed in the hope that it will be
 * useful, but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General
 * Public License for more details.
 *
 * Starting espeak-ng costs ~40-50 ms, more than synthesizing a sentence,
 * so aloud keeps one of these per core and feeds it sentences.
 *
 * Protocol (all integers little-endian uint32; see internal/tts/helper):
 *   request:  len(voice) voice len(text) text
 *   response: 0 rate n n*int16 words words*(byte_start byte_end sample_start sample_end)
 *         or  1 len(message) message      (request refused, helper stays up)
 * Word positions come from espeakEVENT_WORD events, whose text positions
 * count characters from 1; they are converted to byte offsets here.
 *
 *   aloud-espeak            serve requests on stdin/stdout until EOF
 *   aloud-espeak --version  print the version as espeak-ng --version does
 *   aloud-espeak --voices   list voices as espeak-ng --voices does
 */
#define HELPER_NAME "aloud-espeak"
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <espeak-ng/speak_lib.h>

#define MAX_VOICE 256
#define MAX_TEXT (1 << 20)

#include "../protocol.h"

/* One request's results, filled by the synthesis callback. */
typedef struct {
	int pos, len, sample; /* characters from 1, characters, sample offset */
} event;

static struct {
	buf pcm;
	event *words, *ends; /* word starts; clause and sentence ends */
	size_t nwords, nends, capwords, capends;
	int rate;
} synth;

static void add_event(event **list, size_t *n, size_t *cap, event e)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*list = realloc(*list, *cap * sizeof **list);
		if (!*list) {
			fprintf(stderr, "aloud-espeak: out of memory\n");
			exit(2);
		}
	}
	(*list)[(*n)++] = e;
}

static int on_synth(short *wav, int n, espeak_EVENT *ev)
{
	if (wav && n > 0)
		put(&synth.pcm, wav, (size_t)n * 2);
	for (; ev && ev->type != espeakEVENT_LIST_TERMINATED; ev++) {
		/* audio_position is in milliseconds from the start of this text. */
		event e = {ev->text_position, ev->length, (int)((long long)ev->audio_position * synth.rate / 1000)};
		if (ev->type == espeakEVENT_WORD)
			add_event(&synth.words, &synth.nwords, &synth.capwords, e);
		else if (ev->type == espeakEVENT_END || ev->type == espeakEVENT_MSG_TERMINATED)
			add_event(&synth.ends, &synth.nends, &synth.capends, e);
	}
	return 0;
}

/* byte_at is the byte offset of the character at 0-based index ci, or the
 * text's length past its end. offs[k] is the offset of character k. */
static size_t byte_at(const size_t *offs, size_t nchars, long ci)
{
	if (ci < 0)
		return 0;
	return (size_t)ci >= nchars ? offs[nchars] : offs[ci];
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

/* A word as aloud reports it: one white-space-delimited token of the text.
 * espeak-ng reports several events for a token it speaks as several words
 * ("5.50", "U.S.") and zero-length events for some quoted words, so events
 * are grouped by the token they point into. */
typedef struct {
	size_t bs, be;
	int start, last; /* sample of the token's first and last event */
} token;

static size_t group_tokens(const char *text, size_t tlen, token *toks)
{
	size_t *offs = malloc((tlen + 1) * sizeof *offs), nchars = 0, n = 0;
	for (size_t i = 0; i < tlen; i++)
		if (((unsigned char)text[i] & 0xc0) != 0x80)
			offs[nchars++] = i;
	offs[nchars] = tlen;
	for (size_t i = 0; i < synth.nwords; i++) {
		size_t b = byte_at(offs, nchars, synth.words[i].pos - 1);
		while (b < tlen && is_space(text[b]))
			b++;
		if (b >= tlen)
			continue;
		if (n > 0 && b < toks[n - 1].be) { /* same token as the last event */
			toks[n - 1].last = synth.words[i].sample;
			continue;
		}
		size_t s = b, e = b;
		while (s > 0 && !is_space(text[s - 1]) && (n == 0 || s > toks[n - 1].be))
			s--;
		while (e < tlen && !is_space(text[e]))
			e++;
		toks[n++] = (token){s, e, synth.words[i].sample, synth.words[i].sample};
	}
	free(offs);
	return n;
}

/* put_words appends the word table. A word ends where the next begins or
 * at the first clause end after its last event, so pauses are not words. */
static void put_words(buf *w, const char *text, size_t tlen, int nsamples)
{
	token *toks = malloc((synth.nwords + 1) * sizeof *toks);
	size_t n = group_tokens(text, tlen, toks);
	int prev_end = 0;
	put32(w, n);
	for (size_t i = 0; i < n; i++) {
		int ss = toks[i].start < prev_end ? prev_end : toks[i].start, se = nsamples;
		if (i + 1 < n && toks[i + 1].start < se)
			se = toks[i + 1].start;
		for (size_t k = 0; k < synth.nends; k++)
			if (synth.ends[k].sample > toks[i].last && synth.ends[k].sample < se)
				se = synth.ends[k].sample;
		if (ss > nsamples)
			ss = nsamples;
		if (se < ss)
			se = ss;
		trim(text, &toks[i].bs, &toks[i].be);
		put32(w, toks[i].bs);
		put32(w, toks[i].be);
		put32(w, ss);
		put32(w, se);
		prev_end = se;
	}
	free(toks);
}

static char current_voice[MAX_VOICE + 1];

/* set_voice selects a voice by name or, as espeak-ng's CLI does when that
 * fails, by language ("fr-fr" is a language, its voice file is "fr"). */
static int set_voice(const char *name)
{
	if (espeak_SetVoiceByName(name) == EE_OK)
		return 1;
	espeak_VOICE sel;
	memset(&sel, 0, sizeof sel);
	sel.languages = name;
	return espeak_SetVoiceByProperties(&sel) == EE_OK;
}

static void serve_one(buf *w, const char *vname, const char *text, size_t tlen)
{
	if (strcmp(vname, current_voice) != 0) {
		if (!set_voice(vname)) {
			char msg[MAX_VOICE + 64];
			current_voice[0] = 0;
			snprintf(msg, sizeof msg, "unknown espeak-ng voice %s", vname);
			refuse(w, msg);
			return;
		}
		strcpy(current_voice, vname);
	}
	synth.pcm.len = synth.nwords = synth.nends = 0;
	/*
	 * espeakENDPAUSE and espeakPHONEMES as the espeak-ng CLI does, so both
	 * modes sound alike: "[[...]]" is read as phoneme mnemonics, which is
	 * how a pronunciation lexicon entry reaches the engine (aloud defuses
	 * any "[[" of the written text before it gets here).
	 */
	espeak_ERROR err = espeak_Synth(text, tlen + 1, 0, POS_CHARACTER, 0,
					espeakCHARS_UTF8 | espeakENDPAUSE | espeakPHONEMES, NULL, NULL);
	if (err != EE_OK) {
		refuse(w, "espeak-ng could not synthesize the text");
		return;
	}
	int n = (int)(synth.pcm.len / 2);
	put32(w, 0);
	put32(w, synth.rate);
	put32(w, n);
	/* The PCM is in host order: little-endian on every platform we build. */
	put(w, synth.pcm.b, synth.pcm.len);
	put_words(w, text, tlen, n);
	flush(w);
}

static int cmp_voice(const void *a, const void *b)
{
	const espeak_VOICE *x = *(espeak_VOICE *const *)a, *y = *(espeak_VOICE *const *)b;
	return strcmp(x->languages + 1, y->languages + 1);
}

/* list_voices prints the voices in espeak-ng --voices' format, without the
 * mbrola voices and variants the CLI also leaves out. */
static void list_voices(void)
{
	const espeak_VOICE **all = espeak_ListVoices(NULL);
	size_t n = 0;
	while (all[n])
		n++;
	const espeak_VOICE **vs = malloc((n + 1) * sizeof *vs);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(all[i]->identifier, "mb/", 3) != 0 && !strstr(all[i]->identifier, "!v"))
			vs[m++] = all[i];
	qsort(vs, m, sizeof *vs, cmp_voice);
	printf("Pty Language       Age/Gender VoiceName          File                 Other Languages\n");
	for (size_t i = 0; i < m; i++) {
		const espeak_VOICE *v = vs[i];
		const char *p = v->languages;
		char name[128];
		snprintf(name, sizeof name, "%s", v->name);
		for (char *c = name; *c; c++)
			if (*c == ' ')
				*c = '_';
		printf("%2d  %-15s %s/%c      %-18s %-20s ", p[0], p + 1, "--",
		       v->gender == 2 ? 'F' : v->gender == 1 ? 'M' : '-', name, v->identifier);
		for (p += strlen(p + 1) + 2; *p; p += strlen(p + 1) + 2)
			printf("(%s %d)", p + 1, p[0]);
		printf("\n");
	}
	free(vs);
}

int main(int argc, char **argv)
{
	if (argc > 2 || (argc == 2 && strcmp(argv[1], "--version") != 0 && strcmp(argv[1], "--voices") != 0)) {
		fprintf(stderr, "usage: aloud-espeak [--version | --voices]\n");
		return 2;
	}
	if (argc == 2 && strcmp(argv[1], "--version") == 0) {
		const char *data = NULL;
		const char *v = espeak_Info(&data);
		printf("eSpeak NG text-to-speech: %s  Data at: %s\n", v, data ? data : "");
		return 0;
	}
	synth.rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, 0);
	if (synth.rate <= 0) {
		fprintf(stderr, "aloud-espeak: espeak-ng failed to initialise (is espeak-ng-data installed?)\n");
		return 2;
	}
	if (argc == 2) {
		list_voices();
		return 0;
	}
	out = dup(1);
	if (out < 0 || dup2(2, 1) < 0) {
		perror("aloud-espeak: dup");
		return 2;
	}
	espeak_SetSynthCallback(on_synth);
	buf w = {0};
	char *voice = malloc(MAX_VOICE + 1), *text = malloc(MAX_TEXT + 1);
	for (;;) {
		uint32_t vl = 0, tl = 0;
		int r = read32(&vl);
		if (r == 0)
			return 0; /* EOF between requests: aloud closed the pool */
		if (r < 0 || vl > MAX_VOICE || read_full(voice, vl) != 1 ||
		    read32(&tl) != 1 || tl > MAX_TEXT || read_full(text, tl) != 1) {
			fprintf(stderr, "aloud-espeak: malformed request\n");
			return 2;
		}
		voice[vl] = text[tl] = 0;
		serve_one(&w, voice, text, tl);
	}
}
