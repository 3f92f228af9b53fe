// Mozilla Readability on jsdom: see common.js for the loop and the timing.
"use strict";
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");
const { run } = require("./common");

const quiet = new VirtualConsole(); // drop the pages' CSS/parse complaints

run("readability_jsdom", (html, url) => {
  const dom = new JSDOM(html, { url, virtualConsole: quiet });
  try {
    const article = new Readability(dom.window.document).parse();
    return article ? article.textContent : "";
  } finally {
    dom.window.close();
  }
});
