#!/usr/bin/env python3
"""Summarizes pandoc's JSON reading of a .docx (on stdin) as lines a test can
compare with the model:

  TITLE text / SUBTITLE text       the metadata pandoc found
  H1 text / H2 text                headings, in document order
  LIST                             a top-level bullet list starts
  ITEM depth text                  a bullet (depth 1..), its text
  LINK url                         an external link, in document order
  ANCHOR text                      an internal link, by the heading it reaches
  ANCHOR-MISSING target            an internal link that reaches nothing
  OTHER type                       a block that is none of the above
Whitespace inside texts is collapsed to single spaces."""
import json
import sys


def text(inlines, out):
    parts = []
    for node in inlines:
        t, c = node["t"], node.get("c")
        if t == "Str":
            parts.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif t == "Link":
            target = c[2][0]
            if target.startswith("#"):
                internal.append(target[1:])
            else:
                out.append("LINK " + target)
            parts.append(text(c[1], out))
        elif t in ("Span", "Emph", "Strong", "Underline", "SmallCaps", "Strikeout"):
            parts.append(text(c[-1] if t == "Span" else c, out))
        elif t == "Quoted":
            q = "\"" if c[0]["t"] == "DoubleQuote" else "'"
            parts.append(q + text(c[1], out) + q)
        else:
            parts.append("?" + t + "?")
    return " ".join("".join(parts).split())


def blocks(items, out, depth):
    for b in items:
        t, c = b["t"], b.get("c")
        if t == "Header":
            headers[c[1][0]] = None
            line = "H%d " % c[0]
            idx = len(out)
            out.append(None)
            out[idx] = line + text(c[2], out)
            heading_text[c[1][0]] = out[idx][len(line):]
        elif t in ("Para", "Plain"):
            text(c, out)
        elif t == "BulletList":
            if depth == 0:
                out.append("LIST")
            for item in c:
                first, rest = (item[0], item[1:]) if item else (None, [])
                idx = len(out)
                out.append(None)
                body = text(first["c"], out) if first and first["t"] in ("Para", "Plain") else ""
                out[idx] = "ITEM %d %s" % (depth + 1, body)
                if first and first["t"] not in ("Para", "Plain"):
                    rest = [first] + rest
                blocks(rest, out, depth + 1)
        elif t == "Div":
            blocks(c[1], out, depth)
        else:
            out.append("OTHER " + t)


doc = json.load(sys.stdin)
headers, heading_text, internal, out = {}, {}, [], []
for key in ("title", "subtitle"):
    value = doc["meta"].get(key)
    if value and value["t"] == "MetaInlines":
        out.append("%s %s" % (key.upper(), text(value["c"], [])))
blocks(doc["blocks"], out, 0)
for target in internal:
    out.append("ANCHOR " + heading_text[target] if target in heading_text
               else "ANCHOR-MISSING " + target)
print("\n".join(line for line in out if line is not None))
