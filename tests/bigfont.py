#!/usr/bin/env python3
"""bigfont.py OUT.ttf — write a tiny TrueType font that maps more
characters than a PDF font can hold (the font-limit rule's tests).
bigfont.py --body N — print the first N of those characters, 200 a
paragraph, as a plan's body.

Two glyphs, .notdef and a box, and a cmap that maps CJK Extensions A
to F (U+3400-U+4DBF, U+20000-U+2EBEF), 66,992 code points, to the box:
a format 13 subtable (many characters to one glyph, what "last resort"
fonts use) under Windows UCS-4 (3, 10) and Unicode full (0, 6).  Not
the URO (U+4E00-U+9FFF), so that a plan's title, 发文字号 and dates are
drawn by the other fonts and only the body counts.  The tables are the
ones a TrueType face needs (head, hhea, maxp, hmtx, loca, glyf, cmap,
name, OS/2, post), built with struct from the OpenType specification's
layouts.
"""
import struct
import sys

UPEM = 1000
RANGES = [(0x3400, 0x4DBF), (0x20000, 0x2EBEF)]


def box(x0, y0, x1, y1):
    """A simple glyph: one contour of four on-curve points."""
    pts = [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]
    g = struct.pack('>hhhhh', 1, x0, y0, x1, y1)
    g += struct.pack('>HH', 3, 0)  # endPtsOfContours, no instructions
    g += bytes([0x01] * 4)  # on curve, 16-bit deltas
    px = py = 0
    xs = ys = b''
    for x, y in pts:
        xs += struct.pack('>h', x - px)
        ys += struct.pack('>h', y - py)
        px, py = x, y
    g += xs + ys
    return g + b'\0' * (len(g) % 2)


def name_table(names):
    recs, data = b'', b''
    for nid, s in names:
        u = s.encode('utf-16-be')
        recs += struct.pack('>HHHHHH', 3, 1, 0x409, nid, len(u), len(data))
        data += u
    return struct.pack('>HHH', 0, len(names), 6 + len(recs)) + recs + data


def cmap_table():
    groups = b''.join(struct.pack('>III', a, b, 1) for a, b in RANGES)
    sub = struct.pack('>HHIII', 13, 0, 16 + len(groups), 0, len(RANGES)) + groups
    head = struct.pack('>HH', 0, 2)
    off = 4 + 2 * 8
    head += struct.pack('>HHI', 0, 6, off) + struct.pack('>HHI', 3, 10, off)
    return head + sub


def tables():
    glyphs = [box(50, -50, 450, 650), box(100, -80, 900, 800)]
    glyf = b''.join(glyphs)
    offs = [0]
    for g in glyphs:
        offs.append(offs[-1] + len(g))
    loca = b''.join(struct.pack('>H', o // 2) for o in offs)
    head = struct.pack('>IIIIHHqqhhhhHHhhh', 0x00010000, 0x00010000, 0, 0x5F0F3CF5,
                       0x000B, UPEM, 0, 0, 0, -80, 900, 800, 0, 8, 2, 0, 0)
    hhea = struct.pack('>IhhhHhhhhhhhhhhhH', 0x00010000, 880, -120, 0, UPEM, 50, 50, 900,
                       1, 0, 0, 0, 0, 0, 0, 0, 2)
    maxp = struct.pack('>IHHHHHHHHHHHHHH', 0x00010000, 2, 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0,
                       0, 0)
    hmtx = struct.pack('>HhHh', 500, 50, UPEM, 100)
    os2 = struct.pack('>HhHHHhhhhhhhhhhh', 1, UPEM, 400, 5, 0, 650, 700, 0, 140, 650, 700,
                      0, 480, 50, 250, 0)
    os2 += bytes(10) + struct.pack('>IIII', 0, 0, 0, 0) + b'FNGN'
    os2 += struct.pack('>HHHhhhHH', 0x40, 0x3400, 0xFFFF, 880, -120, 0, 880, 120)
    os2 += struct.pack('>II', 0x00040001, 0)
    post = struct.pack('>IIhhIIIII', 0x00030000, 0, -100, 50, 0, 0, 0, 0, 0)
    name = name_table([(1, 'Fangan Big'), (2, 'Regular'), (4, 'Fangan Big'),
                       (6, 'FanganBig')])
    return {b'OS/2': os2, b'cmap': cmap_table(), b'glyf': glyf, b'head': head,
            b'hhea': hhea, b'hmtx': hmtx, b'loca': loca, b'maxp': maxp,
            b'name': name, b'post': post}


def checksum(data):
    data += b'\0' * (-len(data) % 4)
    return sum(struct.unpack('>%dI' % (len(data) // 4), data)) & 0xFFFFFFFF


def font():
    t = tables()
    tags = sorted(t)
    n = len(tags)
    es = max(k for k in range(8) if 1 << k <= n)
    out = struct.pack('>IHHHH', 0x00010000, n, 16 << es, es, 16 * n - (16 << es))
    off = 12 + 16 * n
    body = b''
    for tag in tags:
        data = t[tag]
        out += struct.pack('>4sIII', tag, checksum(data), off + len(body), len(data))
        body += data + b'\0' * (-len(data) % 4)
    f = bytearray(out + body)
    # head.checkSumAdjustment: 0xB1B0AFBA minus the whole file's sum.
    at = off + sum(len(t[x]) + (-len(t[x]) % 4) for x in tags[:tags.index(b'head')])
    struct.pack_into('>I', f, at + 8, (0xB1B0AFBA - checksum(bytes(f))) & 0xFFFFFFFF)
    return bytes(f)


def body(n):
    cps = [c for a, b in RANGES for c in range(a, b + 1)][:n]
    text = ''.join(map(chr, cps))
    return '\n\n'.join(text[i:i + 200] for i in range(0, len(text), 200)) + '\n'


if __name__ == '__main__':
    if sys.argv[1] == '--body':
        sys.stdout.write(body(int(sys.argv[2])))
    else:
        with open(sys.argv[1], 'wb') as fh:
            fh.write(font())
