/*
 * protocol.h: the framed pipe protocol shared by aloud's engine helpers.
 *
 * Part of aloud (MIT licence); the GPL-3.0 helper aloud-espeak includes it
 * too, which the MIT licence permits. Each helper defines HELPER_NAME
 * before including this file, for its messages.
 *
 * All integers are little-endian uint32 (see internal/tts/helper).
 */
#ifndef ALOUD_HELPER_PROTOCOL_H
#define ALOUD_HELPER_PROTOCOL_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef HELPER_NAME
#error "define HELPER_NAME before including protocol.h"
#endif

/* out is the protocol stream: the original stdout. fd 1 itself is pointed
 * at stderr so that nothing the library prints can corrupt the protocol. */
static int out = -1;

typedef struct {
	unsigned char *b;
	size_t len, cap;
} buf;

static void put(buf *w, const void *p, size_t n)
{
	if (w->len + n > w->cap) {
		size_t c = w->cap ? w->cap : 1 << 16;
		while (c < w->len + n)
			c *= 2;
		w->b = realloc(w->b, c);
		if (!w->b) {
			fprintf(stderr, HELPER_NAME ": out of memory\n");
			exit(2);
		}
		w->cap = c;
	}
	memcpy(w->b + w->len, p, n);
	w->len += n;
}

static void put32(buf *w, uint32_t v)
{
	unsigned char b[4] = {v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >> 24) & 0xff};
	put(w, b, 4);
}

/* read_full reads exactly n bytes: 1 on success, 0 on EOF before any byte,
 * -1 on a short read or an error. */
static int read_full(void *p, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(0, (char *)p + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return got == 0 && r == 0 ? 0 : -1;
		got += r;
	}
	return 1;
}

static int read32(uint32_t *v)
{
	unsigned char b[4];
	int r = read_full(b, 4);
	if (r == 1)
		*v = b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
	return r;
}

static void flush(buf *w)
{
	size_t done = 0;
	while (done < w->len) {
		ssize_t r = write(out, w->b + done, w->len - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			fprintf(stderr, HELPER_NAME ": write response: %s\n", strerror(errno));
			exit(2);
		}
		done += r;
	}
	w->len = 0;
}

static void refuse(buf *w, const char *msg)
{
	put32(w, 1);
	put32(w, strlen(msg));
	put(w, msg, strlen(msg));
	flush(w);
}

#endif
