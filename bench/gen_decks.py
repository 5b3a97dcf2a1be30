#!/usr/bin/env python3
"""Writes N decks of the sample's size (and shape) for the batch benchmark.

Each deck is the sample deck with its slide titles numbered for that deck and
its bullets of each slide in a deck-specific order, so that no two decks are
the same. With --md and --typ it also writes the same content as Markdown
(for pandoc) and Typst (for the Typst comparison).

usage: bench/gen_decks.py SAMPLE OUT_DIR N [--md] [--typ]
"""
import os
import random
import re
import sys


def blocks(lines):
    """Splits a deck into its head (before the first bullet) and slides."""
    slides, current = [], []
    for line in lines:
        if line.startswith(" ") and not line.strip().isdigit() and current:
            slides.append(current)
            current = []
        current.append(line)
    slides.append(current)
    return slides


def vary(lines, i):
    rng = random.Random(i)
    out = []
    for slide in blocks(lines):
        title, body = slide[0], slide[1:]
        if title.startswith(" ") and title.strip() and not title.strip().isdigit():
            title = f"{title} · 第{i}讲"
        # Bullets (a '•' line with what follows until the next '•') in a new
        # order; the slide's links, and the next section's divider and title
        # after them, stay at the end.
        groups, group = [], []
        head, tail = [], []
        for line in body:
            if tail or URL.match(line) or line.strip().isdigit():
                tail.append(line)
            elif line.startswith("•"):
                if group:
                    groups.append(group)
                group = [line]
            elif group:
                group.append(line)
            else:
                head.append(line)
        if group:
            groups.append(group)
        rng.shuffle(groups)
        out.append(title)
        out.extend(head)
        for g in groups:
            out.extend(g)
        out.extend(tail)
    return out


URL = re.compile(r"https?://\S+")


def parts(lines):
    """A deck's lines as [kind, text] pairs: section, slide, bullet, sub or
    link; a wrapped line is joined to the part before it."""
    out = []
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if line.startswith(" ") and s.isdigit():
            out.append(["section", s])
        elif line.startswith(" "):
            out.append(["slide", s])
        elif s.startswith("•"):
            out.append(["bullet", s[1:].strip()])
        elif s.startswith("◦"):
            out.append(["sub", s[1:].strip()])
        elif URL.fullmatch(s):
            out.append(["link", s])
        elif out:
            out[-1][1] += s
    return out


def to_markdown(lines):
    form = {"section": "\n# {}", "slide": "\n## {}\n", "bullet": "- {}",
            "sub": "    - {}", "link": "\n<{}>\n"}
    return "\n".join(form[kind].format(text) for kind, text in parts(lines)) + "\n"


def typ_escape(s):
    return re.sub(r'([\\#*_`$<>@\[\]"~/])', r"\\\1", s)


def to_typst(lines):
    t = ['#set text(font: "WenQuanYi Micro Hei", size: 10.5pt, lang: "zh")',
         '#set page(paper: "a4", margin: (x: 22mm, y: 25mm), numbering: "1")',
         '#set heading(numbering: none)', '#outline()', '#pagebreak()']
    for kind, text in parts(lines):
        e = typ_escape(text)
        t.append({"section": f"\n= {e}", "slide": f"\n== {e}\n", "bullet": f"- {e}",
                  "sub": f"  - {e}", "link": f'\n#link("{text}")[{e}]\n'}[kind])
    return "\n".join(t) + "\n"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 3:
        sys.exit(__doc__)
    sample, out, n = args[0], args[1], int(args[2])
    lines = open(sample, encoding="utf-8").read().splitlines()
    meta = sample[: -len(".txt")] + ".meta.yaml"
    meta_text = open(meta, encoding="utf-8").read() if os.path.exists(meta) else None
    for i in range(n):
        sub = os.path.join(out, "txt", f"group{i % 10}")
        os.makedirs(sub, exist_ok=True)
        deck = vary(lines, i)
        name = f"deck{i:04d}"
        with open(os.path.join(sub, name + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(deck) + "\n")
        if meta_text is not None:
            with open(os.path.join(sub, name + ".meta.yaml"), "w", encoding="utf-8") as f:
                f.write(meta_text)
        for flag, ext, convert in (("--md", "md", to_markdown), ("--typ", "typ", to_typst)):
            if flag in sys.argv:
                d = os.path.join(out, ext)
                os.makedirs(d, exist_ok=True)
                with open(os.path.join(d, f"{name}.{ext}"), "w", encoding="utf-8") as f:
                    f.write(convert(deck))


if __name__ == "__main__":
    main()
