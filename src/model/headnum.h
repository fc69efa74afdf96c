/* headnum.h — the numbers of 公文 headings: 一、 （一） 1. （1）.
 *
 * GB/T 9704 numbers the four heading levels 一、, （一）, 1., （1）.  The
 * reader splits a written number off a heading; the checker compares it
 * with the sequence; the layout writes the number where it is missing.
 */
#ifndef FANGAN_HEADNUM_H
#define FANGAN_HEADNUM_H

#include <stddef.h>

typedef enum {
	HN_NONE,
	HN_CN_DUN,     /* 一、 */
	HN_CN_PAREN,   /* （一） */
	HN_AR_DOT,     /* 1.  1．  1、 */
	HN_AR_PAREN,   /* （1） */
} HeadNumStyle;

typedef struct {
	HeadNumStyle style;
	int value;     /* 1-based */
	size_t len;    /* bytes of s taken by the number and its punctuation,
	                  plus following spaces */
} HeadNum;

/* Recognise a heading number at the start of s. */
HeadNum headnum_parse(const char *s, size_t n);
/* The style GB/T 9704 gives heading level 1..4. */
HeadNumStyle headnum_style_for_level(int level);
/* Level 1..4 of a style, 0 for HN_NONE. */
int headnum_level_of_style(HeadNumStyle st);
/* Write the number for value in style into out (at least 32 bytes). */
void headnum_format(HeadNumStyle st, int value, char *out);
/* Chinese numeral 一…九十九 into out (at least 16 bytes). */
void cn_numeral(int value, char *out);
/* Parse a Chinese numeral 一…九十九 at s; returns bytes taken (0 if none). */
size_t cn_numeral_parse(const char *s, size_t n, int *value);

#endif
