/* kinsoku.c — see kinsoku.h.  The lists follow GB/T 15834-2011 and the
 * prohibition rules of W3C clreq (§ prohibition rules for line start and
 * line end). */
#include "kinsoku.h"

#include <stddef.h>

static bool in_list(uint32_t cp, const uint32_t *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == cp)
			return true;
	return false;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Full-width marks whose ink sits in one half of the em box. */
static const uint32_t half_blank[] = {
	0x3001, 0x3002,                         /* 、。 */
	0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B,         /* ，．：； */
	0xFF01, 0xFF1F,                         /* ！？ */
	0xFF09, 0xFF3D, 0xFF5D,                 /* ）］｝ */
	0x3009, 0x300B, 0x300D, 0x300F, 0x3011, /* 〉》」』】 */
	0x3015, 0x3017, 0x3019, 0x301B,         /* 〕〗〙〛 */
	0x201D, 0x2019,                         /* ” ’ */
};

/* Not at line start, besides the half-blank marks above. */
static const uint32_t no_start_more[] = {
	0x2026, 0x2025,                 /* … ‥ */
	0x00B7, 0x30FB, 0xFF65,         /* · ・ ･ (间隔号) */
	0x3005, 0x303B, 0x309D, 0x309E, /* 々 〻 ゝ ゞ */
	0x30FD, 0x30FE,                 /* ヽ ヾ */
	0xFF5E, 0x301C,                 /* ～ 〜 (连接号) */
	')', ']', '}', ',', '.', ';', ':', '?', '!',
};

static const uint32_t no_end[] = {
	0xFF08, 0xFF3B, 0xFF5B,                 /* （［｛ */
	0x3008, 0x300A, 0x300C, 0x300E, 0x3010, /* 〈《「『【 */
	0x3014, 0x3016, 0x3018, 0x301A,         /* 〔〖〘〚 */
	0x201C, 0x2018,                         /* “ ‘ */
	'(', '[', '{',
};

bool kinsoku_squeezable(uint32_t cp)
{
	return in_list(cp, half_blank, COUNT(half_blank));
}

bool kinsoku_no_start(uint32_t cp)
{
	return kinsoku_squeezable(cp) ||
	       in_list(cp, no_start_more, COUNT(no_start_more));
}

bool kinsoku_no_end(uint32_t cp)
{
	return in_list(cp, no_end, COUNT(no_end));
}

bool kinsoku_inseparable(uint32_t a, uint32_t b)
{
	/* —— (破折号) is two U+2014; …… (省略号) two U+2026. */
	return a == b && (a == 0x2014 || a == 0x2026 || a == 0x2025);
}

/* Ranges of East Asian Width W and F (UAX #11), the common blocks. */
static const uint32_t wide_ranges[][2] = {
	{0x1100, 0x115F},   {0x2329, 0x232A},   {0x2E80, 0x303E},
	{0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
	{0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},
	{0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
	{0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
	{0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

bool cjk_wide(uint32_t cp)
{
	if (cp < 0x1100)
		return false;
	for (size_t i = 0; i < COUNT(wide_ranges); i++)
		if (cp >= wide_ranges[i][0] && cp <= wide_ranges[i][1])
			return true;
	return false;
}

bool is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}
