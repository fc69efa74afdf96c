/* hash.c — see hash.h. */
#include "hash.h"

#include <string.h>

uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	return h;
}

uint64_t hash_u64(uint64_t h, uint64_t v)
{
	unsigned char b[8];
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	return hash_bytes(h, b, sizeof b);
}

uint64_t hash_piece(uint64_t h, const void *s, size_t n)
{
	if (!s)
		return hash_u64(h, UINT64_MAX);
	return hash_bytes(hash_u64(h, n), s, n);
}

uint64_t hash_str(uint64_t h, const char *s)
{
	return hash_piece(h, s, s ? strlen(s) : 0);
}
