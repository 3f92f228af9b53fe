#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into OUT/<target>/.

Seeds come from the test fixtures (tests/extract/fixtures), examples/, and
small WARC, gzip and JSON Lines files made here, so nothing large lives in
the repository. Usage: make_seeds.py SOURCE_DIR OUT_DIR
"""
import gzip
import json
import pathlib
import sys


def warc_record(rid, uri, body, headers=("Content-Type: text/html; charset=utf-8",), delta=0):
    http = "HTTP/1.1 200 OK\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n"
    block = http.encode() + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: %s\r\n"
            "WARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (rid, uri, len(block) + delta)).encode()
    return head + block + b"\r\n\r\n"


def main():
    src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    texts = sorted((src / "tests/extract/fixtures").glob("*.txt")) + [src / "examples/wire_story.txt"]
    htmls = [src / "examples/press_release.html"]
    page = htmls[0].read_bytes()[:6000]
    seeds = {t: [] for t in ("html", "text", "warc", "gzip", "wholefile", "jsonl", "decode", "statements")}
    for p in texts:
        data = p.read_bytes()[:4000]
        seeds["text"].append(b"\x00" + data)
        seeds["statements"].append(data)
        seeds["decode"].append(b"\x03" + data)
    # Quotation styles of the other-language rules: Russian dashes, Japanese
    # brackets with と, Chinese colons and pronouns after the quote.
    seeds["statements"] += ["«Мы готовы», — заявил Лавров.\nОн подчеркнул: «Нет».\n".encode(),
                            "林外相は記者団に「対話の扉は開かれている」と述べた。\n".encode(),
                            "王毅星期五在北京表示：“中方愿意。”\n“我们从未拒绝对话，”他说。\n".encode(),
                            "문재인 대통령은 “대화의 문은 열려 있다”라고 말했다.\n".encode()]
    seeds["html"] += [page, b"<div>" * 200 + b"x", b"<table><tr><td><b><p>x</b></table>",
                      b"<svg><foreignObject><p>a</svg><math><mi>b"]
    seeds["decode"] += [b"\x00" + page, b"\x08\xff\xfe" + "<p>x</p>".encode("utf-16-le"),
                        b"\x0a" + "<p>été</p>".encode("utf-16-be"), b"\x04\xc3\x28\xe2\x82"]
    rec = warc_record("<urn:a>", "https://a.example/", page[:2000])
    seeds["warc"] += [rec, rec + warc_record("<urn:b>", "https://b.example/", b"<p>b</p>", delta=-3),
                      warc_record("<urn:c>", "https://c.example/", gzip.compress(b"<p>c</p>"),
                                  ("Content-Type: text/html", "Content-Encoding: gzip")),
                      warc_record("<urn:d>", "https://d.example/",
                                  b"5\r\n<p>ch\r\n0\r\n\r\n", ("Transfer-Encoding: chunked",))]
    jsonl = (src / "examples/pages.jsonl").read_bytes()[:4000]
    lines = [json.dumps({"id": "a", "html": "<p>x</p>"}), json.dumps({"id": 3, "text": "Mr. X said."}),
             '{"id":"cut","html":"<p>', "[1,2]"]
    seeds["jsonl"] += [jsonl, ("\n".join(lines) + "\n").encode()]
    seeds["gzip"] += [gzip.compress(page), gzip.compress(rec) + gzip.compress(rec),
                      gzip.compress(jsonl), gzip.compress(page)[:100]]
    # The file reader's whole-file path: .gz pages, several members, a cut,
    # trailing bytes, plain HTML and text.
    seeds["wholefile"] += seeds["gzip"] + [gzip.compress(page) + b"junk", page, b"plain text"]
    for target, items in seeds.items():
        d = out / target
        d.mkdir(parents=True, exist_ok=True)
        for i, data in enumerate(items):
            (d / ("seed_%03d" % i)).write_bytes(data)


if __name__ == "__main__":
    main()
