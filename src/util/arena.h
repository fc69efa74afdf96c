/* arena.h — one memory arena: many allocations, freed by one call.
 *
 * A plan (model.h) keeps everything it holds in its own arena, so
 * freeing a plan is arena_free and no list of its fields has to be kept
 * in step with model.h.  Allocations are zeroed and aligned for any type;
 * they are never freed one by one.  Out of memory ends the program, as
 * xmalloc does.
 */
#ifndef FANGAN_ARENA_H
#define FANGAN_ARENA_H

#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(void);
/* n bytes, zeroed. */
void *arena_alloc(Arena *a, size_t n);
/* n items of size bytes, zeroed; n * size must not overflow (checked). */
void *arena_calloc(Arena *a, size_t n, size_t size);
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
/* An array p of n items of elem bytes made room for need items (need >
 * n).  Its capacity is implied by n (the next power of two, at least 4),
 * so arrays that grow one item at a time need no capacity field: the
 * array moves only when it doubles, and what it leaves behind is at most
 * what it holds.  The new items are zeroed. */
void *arena_grow(Arena *a, void *p, size_t n, size_t need, size_t elem);
/* Everything allocated from a, and a itself. */
void arena_free(Arena *a);

#endif
