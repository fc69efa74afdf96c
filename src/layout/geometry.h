/* geometry.h — the numbers of the page, after GB/T 9704-2012.
 *
 * Everything is in PDF points (1/72 in), measured from the paper's
 * top-left corner where a name says "from top".  The defaults are the
 * standard's (see ../shared/spec/gbt9704.md §12); an office's own layout
 * (e.g. a 信函格式 variant) changes these, not the code.
 */
#ifndef FANGAN_GEOMETRY_H
#define FANGAN_GEOMETRY_H

#include <stdbool.h>

#define MM(x) ((x) * 72.0 / 25.4)

typedef struct {
	double page_w, page_h;
	double margin_top, margin_left;  /* 天头 37 mm, 订口 28 mm */
	double body_w, body_h;           /* 版心 156 × 225 mm */
	int lines, chars;                /* 22 lines × 28 characters */
	double size_body;                /* 3号 = 16 pt */
	double size_title;               /* 2号 = 22 pt */
	double size_small;               /* 4号 = 14 pt: 版记, page numbers */
	double em_ascent;                /* top of the ideographic em box above
	                                    the baseline, in em (0.88) */
	double header_top;               /* 发文机关标志 top below the 版心 top: 35 mm */
	double header_size_max;          /* the 标志's largest character height
	                                    (its size): 22 mm */
	double header_char_w;            /* its largest character width: 15 mm
	                                    (22 × 15 mm, GB/T 9704-1999) */
	double header_size_min;          /* its smallest size; 0: the title's */
	double header_scale_min;         /* the narrowest 长体 squeeze (0.6)
	                                    before a long name takes two lines */
	bool header_from_page;           /* header_top from the paper's top
	                                    edge, not the 版心's (信函, §10.1) */
	double order_top;                /* 命令's 标志 below the 版心 top: 20 mm */
	/* 信函格式 (§10.1): red double lines, thick over thin under the 标志
	 * and thin over thick above the paper's bottom edge */
	bool letter_rules;
	double letter_rule_len;          /* 170 mm, centred on the 版心 */
	double letter_rule_gap;          /* 标志 bottom to the upper pair: 4 mm */
	double letter_rule_bottom;       /* lower pair's bottom above the
	                                    paper's bottom edge: 20 mm */
	double letter_thick, letter_thin, letter_space; /* the pair's widths
	                                    and the white between them */
	double letter_below;             /* the upper pair to the first element
	                                    under it: 7/8 of a 3号 character */
	bool number_first_page;          /* 信函: the first page unnumbered */
	double seal_size;                /* 印章 42 mm (§7.3.5.1) */
	double stamp_w, stamp_h;         /* 签名章 (§7.3.5.3) */
	bool seal_guide;                 /* draw the seal places (for proofs) */
	double red_c, red_m, red_y, red_k; /* CMYK red: 0 / 0.8 / 0.8 / 0 */
	double red_line_gap;             /* 发文字号 to the red line: 4 mm */
	double red_line_width;           /* 0.5 mm */
	double record_thick, record_thin; /* 版记 lines 0.35 / 0.25 mm */
	double pagenum_drop;             /* page-number dash below the 版心: 7 mm */
	bool record_on_even;             /* 版记 on an even page (§11 item 4) */
} Geometry;

/* The standard's numbers; those of the 信函格式 (§10.1). */
Geometry geometry_default(void);
Geometry geometry_letter(void);

/* Derived: the pitch of a line and of a character, and where line k
 * (0-based) of the grid has its baseline, in PDF coordinates (from the
 * bottom).  Line 0's em box top touches the 版心 top and line lines-1's
 * bottom touches the 版心 bottom ("撑满版心", spec §11 item 2). */
double geo_line_pitch(const Geometry *g);
double geo_char_pitch(const Geometry *g);
double geo_baseline(const Geometry *g, int line);
double geo_body_top(const Geometry *g);    /* PDF y of the 版心 top */
double geo_body_bottom(const Geometry *g); /* PDF y of the 版心 bottom */

/* An element that g would place outside where it belongs: off the paper,
 * or (the 版头) below the 版心's bottom, where GB/T 9704 has it inside.
 * elem/attr: the template's element and attribute (template.rng's
 * names) that moves it and should change, with its value now and the
 * largest that fits (negative: no value of that attribute alone fits). */
typedef struct {
	const char *elem, *attr;
	const char *what;   /* the element placed, in Chinese: 发文机关标志 … */
	const char *bound;  /* where it goes instead: 会排到纸张之外 … */
	double value, most; /* in points */
	bool least;         /* most is the least value that fits instead */
} GeoFault;

#define GEO_FAULTS_MAX 8

/* The elements g places, checked against the paper and the 版心 for the
 * 版头 of a 文件, 纪要 and 命令, or (letter) of a 信函 (§10.1); the page
 * number and the 版记's last rule for both.  Fills out (at most
 * GEO_FAULTS_MAX) and returns how many.  The 标志 is taken at its
 * largest one-line size (max-size, or the smallest it may get if that
 * is larger), so whatever the organ's name, it stays in place. */
int geometry_faults(const Geometry *g, bool letter, GeoFault *out);

#endif
