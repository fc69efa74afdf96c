/* arena.c — chunks of memory handed out in order; see arena.h. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum { CHUNK = 64 * 1024 };

typedef struct Chunk Chunk;
struct Chunk {
	Chunk *next;
	size_t size, used;
	max_align_t data[]; /* aligned for any type */
};

struct Arena {
	Chunk *head; /* the chunk being filled; older ones follow */
};

Arena *arena_new(void)
{
	return xcalloc(1, sizeof(Arena));
}

static size_t round_up(size_t n)
{
	size_t al = alignof(max_align_t);
	if (n > SIZE_MAX - al)
		return SIZE_MAX;
	return (n + al - 1) / al * al;
}

void *arena_alloc(Arena *a, size_t n)
{
	n = round_up(n ? n : 1);
	Chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = n > CHUNK / 4 ? n : CHUNK;
		if (size > SIZE_MAX - sizeof(Chunk))
			size = SIZE_MAX - sizeof(Chunk); /* xmalloc then fails */
		c = xmalloc(sizeof(Chunk) + size);
		c->size = size;
		c->used = 0;
		/* A large block gets a chunk of its own behind the current
		 * one, so the room left in that one is not lost. */
		if (size > CHUNK && a->head) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

void *arena_calloc(Arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return arena_alloc(a, SIZE_MAX); /* fails in xmalloc */
	return arena_alloc(a, n * size);
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);
	memcpy(d, s, n);
	return d;
}

char *arena_strdup(Arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

static size_t capacity(size_t n)
{
	size_t c = 4;
	while (c < n && c <= SIZE_MAX / 2)
		c *= 2;
	return c < n ? n : c;
}

void *arena_grow(Arena *a, void *p, size_t n, size_t need, size_t elem)
{
	if (p && need <= capacity(n))
		return p;
	void *q = arena_calloc(a, capacity(need), elem);
	if (p && n)
		memcpy(q, p, n * elem);
	return q;
}

void arena_free(Arena *a)
{
	if (!a)
		return;
	for (Chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}
