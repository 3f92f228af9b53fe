// Shared loop of the Readability runners: reads DATA_DIR/ground-truth.json for
// the page ids and URLs, and for each page DATA_DIR/html/<id>.html.gz, calls
// extract(html, url) -> text, and writes {id: {"articleBody": text}} to OUT.
// The clock (process.hrtime) runs around the per-page loop only: reading and
// unzipping each page, parsing, Readability, and writing OUT are inside it;
// node's start-up and module loading are outside it. The figures go to
// TIMING as {"pages", "seconds", "failures"}.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function run(name, extract) {
  const [dataDir, outPath, timingPath] = process.argv.slice(2);
  if (!dataDir || !outPath || !timingPath) {
    console.error(`usage: node ${name}.js DATA_DIR OUT.json TIMING.json`);
    process.exit(2);
  }
  const truth = JSON.parse(fs.readFileSync(path.join(dataDir, "ground-truth.json"), "utf8"));
  const ids = Object.keys(truth).sort();
  const decoder = new TextDecoder("utf-8"); // every page of the set is UTF-8
  const out = {};
  let failures = 0;

  const start = process.hrtime.bigint();
  for (const id of ids) {
    let text = "";
    try {
      const raw = zlib.gunzipSync(fs.readFileSync(path.join(dataDir, "html", `${id}.html.gz`)));
      text = extract(decoder.decode(raw), truth[id].url || "about:blank") || "";
    } catch (err) {
      failures++;
      console.error(`${name}: ${id}: ${String((err && err.message) || err).split("\n")[0]}`);
    }
    out[id] = { articleBody: text };
  }
  fs.writeFileSync(outPath, JSON.stringify(out));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;

  fs.writeFileSync(timingPath, JSON.stringify({ pages: ids.length, seconds, failures }));
}

module.exports = { run };
