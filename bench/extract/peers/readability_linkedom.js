// Mozilla Readability on linkedom: see common.js for the loop and the timing.
"use strict";
const { parseHTML } = require("linkedom");
const { Readability } = require("@mozilla/readability");
const { run } = require("./common");

run("readability_linkedom", (html, url) => {
  // linkedom takes no document URL: give the window a location (baseURI reads
  // it) and the document a documentURI, as Readability resolves links with both.
  const { document } = parseHTML(html, { location: new URL(url) });
  Object.defineProperty(document, "documentURI", { value: url });
  const article = new Readability(document).parse();
  return article ? article.textContent : "";
});
