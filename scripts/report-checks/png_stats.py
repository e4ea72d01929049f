"""Decodes a PNG (8-bit greyscale, RGB or RGBA, not interlaced; what Chromium writes) with the standard
library only and prints what a person would notice, as JSON.

Usage: python3 png_stats.py FILE.png [RRGGBB ...]
Prints {"width", "height", "nonWhite": fraction of pixels not near-white,
        "colours": {RRGGBB: pixels within 6 per channel of it}}.
"""
import json
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("not a PNG")
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise SystemExit(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


width, height, channels, rows = decode(sys.argv[1])
targets = {code: tuple(int(code[i:i + 2], 16) for i in (0, 2, 4)) for code in sys.argv[2:]}
counts = {code: 0 for code in targets}
non_white = 0
for row in rows:
    for x in range(width):
        pixel = row[x * channels:x * channels + 3] if channels >= 3 else row[x:x + 1] * 3
        if min(pixel) < 245:
            non_white += 1
        for code, rgb in targets.items():
            if all(abs(pixel[i] - rgb[i]) <= 6 for i in range(3)):
                counts[code] += 1
json.dump({"width": width, "height": height, "nonWhite": non_white / (width * height), "colours": counts}, sys.stdout)
