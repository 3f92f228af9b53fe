#!/usr/bin/python3
"""readability-lxml (Debian's python3-readability) on the benchmark's pages.

Usage: readability_lxml.py DATA_DIR OUT.json TIMING.json

For each page of DATA_DIR/ground-truth.json, reads DATA_DIR/html/<id>.html.gz,
runs readability.Document(html, url=url).summary() and takes the text of that
HTML through lxml.html, one line per block (paragraphs separated by newlines);
writes {id: {"articleBody": text}} to OUT. The clock runs around the per-page
loop only (reading each page and writing OUT inside; Python's start-up and the
imports outside), and {"pages", "seconds", "failures"} goes to TIMING.
Run it with Debian's /usr/bin/python3, which sees python3-readability.
"""
import gzip
import json
import logging
import os
import sys
import time

import lxml.html
from readability import Document

BLOCKS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "pre", "table", "tr", "td", "th", "section", "article",
    "header", "footer", "figure", "figcaption", "dd", "dt", "dl", "hr",
}


def block_text(html):
    """Text of an HTML fragment, one line per block element."""
    root = lxml.html.fromstring(html)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS:
            el.tail = "\n" + el.tail if el.tail else "\n"
            if el.tag.lower() != "br":
                el.text = "\n" + el.text if el.text else "\n"
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    data_dir, out_path, timing_path = sys.argv[1:]
    logging.disable(logging.CRITICAL)  # readability logs its retries
    with open(os.path.join(data_dir, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    ids = sorted(truth)
    out = {}
    failures = 0

    start = time.perf_counter()
    for page_id in ids:
        text = ""
        try:
            with gzip.open(os.path.join(data_dir, "html", page_id + ".html.gz"), "rb") as f:
                html = f.read().decode("utf-8", errors="replace")  # every page is UTF-8
            summary = Document(html, url=truth[page_id].get("url")).summary()
            text = block_text(summary)
        except Exception as err:  # a failing page gets an empty body
            failures += 1
            print(f"readability_lxml: {page_id}: {type(err).__name__}: {err}".splitlines()[0],
                  file=sys.stderr)
        out[page_id] = {"articleBody": text}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    seconds = time.perf_counter() - start

    with open(timing_path, "w", encoding="utf-8") as f:
        json.dump({"pages": len(ids), "seconds": seconds, "failures": failures}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
