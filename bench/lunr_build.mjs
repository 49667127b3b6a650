// How long lunr takes to build a site's search index, as Material's search
// worker does on every page load: as Material does for an Indonesian site by
// itself (no pipeline: words as written) and with the handbook's Indonesian
// language (lunr.id.min.js). For bench/search.py.
// Usage: node bench/lunr_build.mjs SITE_DIR   -> {"plain": ms, "id": ms, "docs": n}
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";

const require = createRequire(import.meta.url);
const site = process.argv[2];
const lunrPath = require.resolve("lunr");

function build(language) {
  const context = vm.createContext({ console });
  context.self = context;
  vm.runInContext(`${readFileSync(lunrPath, "utf8")}; self.lunr = lunr;`, context);
  vm.runInContext(readFileSync(`${site}/assets/javascripts/lunr/min/lunr.stemmer.support.min.js`, "utf8"), context);
  if (language === "id")
    vm.runInContext(readFileSync(`${site}/assets/javascripts/lunr/min/lunr.id.min.js`, "utf8"), context);
  const data = JSON.parse(readFileSync(`${site}/search/search_index.json`, "utf8"));
  context.data = data;
  context.language = language;
  const started = performance.now();
  vm.runInContext(`
    lunr.tokenizer.separator = new RegExp(data.config.separator);
    var strip = function (s) { return (s || "").replace(/<[^>]*>/g, " "); };
    lunr(function () {
      this.metadataWhitelist = ["position"];
      if (language === "id") this.use(lunr.id);
      else { this.pipeline.reset(); this.searchPipeline.reset(); }
      this.ref("location");
      this.field("title", { extractor: function (d) { return strip(d.title); } });
      this.field("text", { extractor: function (d) { return strip(d.text); } });
      this.field("tags", { extractor: function (d) { return (d.tags || []).join(" "); } });
      for (var i = 0; i < data.docs.length; i++) this.add(data.docs[i]);
    });`, context);
  return { ms: performance.now() - started, docs: data.docs.length };
}

// Alternate the two, three times each, and keep the median of each.
const runs = { plain: [], id: [] };
let docs = 0;
for (let r = 0; r < 3; r++)
  for (const language of ["plain", "id"]) {
    const result = build(language);
    runs[language].push(result.ms);
    docs = result.docs;
  }
const median = (values) => Math.round(values.sort((a, b) => a - b)[1]);
process.stdout.write(JSON.stringify({ plain: median(runs.plain), id: median(runs.id), docs }) + "\n");
