#!/usr/bin/env python3
"""Measures the typography of justified text in PDFs, from what MuPDF reads
back (`mutool draw -F stext`): the same figures for any producer, so that
handout's PDFs and Typst's of the same deck compare.

For each PDF, over the body text (the most common type size, outside the
contents' dot leaders):
  justified   lines that reach the text's right edge (a closing CJK mark
              compressed at the line end counts from its half-width box)
  gap ratio   per justified line the widest word gap ÷ the normal space,
              mean / p95 / max over the lines
  rivers      word gaps wider than 1.5 × the normal space on justified lines
              (the issue's measure)
  hyphenated  lines ending in a hyphen after a letter, followed by a line
              that starts with a small letter
  cjk p95     per justified line the widest extra gap between two Han
              characters (beyond their 1 em advance), p95 over lines, in pt
  pairs       adjacent full-width punctuation that jlreq/clreq set in one
              em (closing + closing, closing + opening, opening + opening),
              compressed (advance ≤ 0.75 em) / all
  kinsoku     lines starting with closing or ending with opening punctuation
  overfull    lines past the right edge by more than 0.6 pt

usage: bench/typography.py [--space-em X] [--json] PDF...
(--space-em: the body font's space advance in em; WenQuanYi Micro Hei's is
532/2048.)
"""
import json
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

CLOSING = set("，。、：；）」』】〉》〕〗〙〛］｝”’")
OPENING = set("（「『【〈《〔〖〘〚［｛“‘")
NO_START = set("、。，．：；！？）」』】〉》〕〗〙〛］｝’”…‥・·ー々〻％‰℃､｡ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;!?)]}%")
HANGING = set("-\u2010,.;:!?'\"’”")
NO_END = set("（「『【〈《〔〖〘〚［｛‘“([{")


def is_han(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x3040 <= o <= 0x30FF


def is_cjk(c):
    o = ord(c)
    return is_han(c) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or c in "“”‘’…—"


def is_latin(c):
    return c.isascii() and c.isalnum() or (0xC0 <= ord(c) <= 0x24F)


def pct(values, p):
    if not values:
        return 0.0
    v = sorted(values)
    k = (len(v) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def read_lines(pdf):
    """Per page, the visual lines: chars (c, x, right, size) by baseline."""
    xml = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf],
                         check=True, capture_output=True).stdout
    pages = []
    for page in ET.fromstring(xml).iter("page"):
        by_base = defaultdict(list)
        for font in page.iter("font"):
            size = float(font.get("size"))
            for ch in font.iter("char"):
                q = [float(v) for v in ch.get("quad").split()]
                c = ch.get("c")
                by_base[(round(float(ch.get("y")), 1), size)].append(
                    (float(ch.get("x")), c, max(q[2], q[6]), size))
        lines = []
        for (y, size), chars in sorted(by_base.items()):
            chars.sort()
            lines.append({"y": y, "size": size, "chars": chars})
        pages.append(lines)
    return pages


def measure(pdf, space_em):
    pages = read_lines(pdf)
    sizes = Counter(l["size"] for p in pages for l in p for _ in l["chars"])
    body = sizes.most_common(1)[0][0] if sizes else 0
    r = defaultdict(int)
    ratios, cjk_gaps = [], []
    pairs = compressed = 0
    for lines in pages:
        lines = [l for l in lines if l["size"] == body]
        text_lines = []
        for l in lines:
            ink = [c for c in l["chars"] if c[1].strip()]
            if not ink or "..." in "".join(c[1] for c in ink):
                continue
            last = ink[-1]
            right = last[0] + body / 2 if last[1] in CLOSING else last[2]
            text_lines.append((l, ink, right))
        if not text_lines:
            continue
        long_lines = [t for t in text_lines if len(t[1]) >= 8] or text_lines
        edge, at_edge = Counter(round(t[2] * 2) / 2 for t in long_lines).most_common(1)[0]
        if at_edge < 3:
            continue  # a cover, a short page: no text column to speak of
        for k, (l, ink, right) in enumerate(text_lines):
            # Latin punctuation or a hyphen may hang past the edge (Typst
            # protrudes them): such a line reaches the edge by the
            # character before.
            if len(ink) > 1 and ink[-1][1] in HANGING and right > edge + 0.6:
                right = max(min(right, edge), ink[-2][2])
            s = "".join(c[1] for c in ink)
            r["lines"] += 1
            if s[0] in NO_START or s[-1] in NO_END:
                r["kinsoku"] += 1
            if right > edge + 0.6:
                r["overfull"] += 1
            nxt = text_lines[k + 1][1][0][1] if k + 1 < len(text_lines) else ""
            if len(s) >= 2 and s[-1] in "-\u2010" and s[-2].isalpha() and nxt.islower():
                r["hyphenated"] += 1
            for a, b in zip(ink, ink[1:]):
                if (a[1] in CLOSING and (b[1] in CLOSING or b[1] in OPENING)) or (
                        a[1] in OPENING and b[1] in OPENING):
                    pairs += 1
                    compressed += b[0] - a[0] <= 0.75 * body
            # A closing mark at the end may also be set at full width.
            if abs(right - edge) > 0.6 and not (ink[-1][1] in CLOSING and abs(ink[-1][2] - edge) <= 0.6):
                continue
            r["justified"] += 1
            # Word gaps: between non-CJK characters with a space between
            # them (drawn, or inferred by MuPDF from the distance).
            space = space_em * body
            chars = l["chars"]
            widest, widest_cjk = None, None
            for i in range(1, len(chars) - 1):
                if chars[i][1] != " " or not chars[i - 1][1].strip():
                    continue
                j = i + 1
                while j < len(chars) and not chars[j][1].strip():
                    j += 1
                if j == len(chars):
                    break
                a, b = chars[i - 1], chars[j]
                if is_cjk(a[1]) or is_cjk(b[1]):
                    continue
                gap = (b[0] - a[2]) / space
                widest = gap if widest is None else max(widest, gap)
                if gap > 1.5:
                    r["rivers"] += 1
            for a, b in zip(ink, ink[1:]):
                if is_han(a[1]) and is_han(b[1]):
                    extra = max(0.0, b[0] - a[0] - body)
                    widest_cjk = extra if widest_cjk is None else max(widest_cjk, extra)
            if widest is not None:
                ratios.append(widest)
            if widest_cjk is not None:
                cjk_gaps.append(widest_cjk)
    return {
        "pdf": pdf, "body_size": body, "lines": r["lines"], "justified": r["justified"],
        "word_lines": len(ratios),
        "gap_mean": statistics.mean(ratios) if ratios else 0.0,
        "gap_p95": pct(ratios, 0.95), "gap_max": max(ratios, default=0.0),
        "rivers": r["rivers"], "hyphenated": r["hyphenated"],
        "cjk_lines": len(cjk_gaps), "cjk_p95": pct(cjk_gaps, 0.95),
        "cjk_max": max(cjk_gaps, default=0.0),
        "pairs": pairs, "pairs_compressed": compressed,
        "kinsoku": r["kinsoku"], "overfull": r["overfull"],
    }


def main():
    args = sys.argv[1:]
    space_em = 532 / 2048
    as_json = "--json" in args
    args = [a for a in args if a != "--json"]
    if "--space-em" in args:
        k = args.index("--space-em")
        space_em = float(args[k + 1])
        del args[k:k + 2]
    if not args:
        sys.exit(__doc__)
    results = [measure(p, space_em) for p in args]
    if as_json:
        print(json.dumps(results, indent=1))
        return
    print("| PDF | justified lines | widest word gap ÷ space mean / p95 / max | rivers | hyphenated ends "
          "| CJK stretch p95 / max (pt) | punctuation pairs compressed | kinsoku | overfull |")
    print("|---|---|---|---|---|---|---|---|---|")
    for m in results:
        print(f"| {m['pdf']} | {m['justified']} of {m['lines']} | "
              f"{m['gap_mean']:.2f} / {m['gap_p95']:.2f} / {m['gap_max']:.2f} ({m['word_lines']} lines) | "
              f"{m['rivers']} | {m['hyphenated']} | {m['cjk_p95']:.2f} / {m['cjk_max']:.2f} ({m['cjk_lines']} lines) | "
              f"{m['pairs_compressed']} of {m['pairs']} | {m['kinsoku']} | {m['overfull']} |")


if __name__ == "__main__":
    main()
