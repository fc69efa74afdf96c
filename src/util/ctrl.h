/* ctrl.h — control characters: which code points are invisible controls
 * that must not reach a reader, a terminal or a file name, and how to
 * show them instead (issue 16.4). */
#ifndef FANGAN_CTRL_H
#define FANGAN_CTRL_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

/* An invisible bidirectional control: U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069. */
bool char_bidi_control(uint32_t cp);

/* A control character a plan must not hold (char-control): a C0 control
 * but TAB, LF and CR; DEL; a C1 control (U+0080–U+009F); or a
 * bidirectional control. */
bool char_control(uint32_t cp);

/* Append s to out with every char_control character written out visibly
 * as "<U+XXXX>" (bytes of broken UTF-8 are left as they are). */
void ctrl_visible_add(Buf *out, const char *s);

/* The same as a new string. */
char *ctrl_visible(const char *s);

#endif
