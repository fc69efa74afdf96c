/* hash.h — FNV-1a, 64 bits, fed piece by piece.
 *
 * For change detection (the build stamps) and stable identifiers (the
 * PDF /ID), not for security: nothing here has to resist someone making
 * collisions on purpose, and FNV needs no dependency and gives the same
 * value on every machine.
 */
#ifndef FANGAN_HASH_H
#define FANGAN_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_INIT 14695981039346656037ULL

uint64_t hash_bytes(uint64_t h, const void *p, size_t n);
/* A string or byte run with its length in front, so that the pieces of a
 * sequence cannot run into each other ("ab" + "c" differs from "a" + "bc").
 * s may be NULL (hashed as distinct from ""). */
uint64_t hash_piece(uint64_t h, const void *s, size_t n);
uint64_t hash_str(uint64_t h, const char *s);
/* An integer as 8 little-endian bytes, the same on every machine. */
uint64_t hash_u64(uint64_t h, uint64_t v);

#endif
