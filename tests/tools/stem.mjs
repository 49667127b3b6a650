// Stems words with the JavaScript port of Sastrawi, for tests/test_stemmer_port.py.
// stdin: {"dictionary": [...], "words": [...]}; stdout: the stems, a JSON array in the same order.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { createStemmer } = require("../../macros/sop_handbook/assets/sastrawi.js");

const { dictionary, words } = JSON.parse(readFileSync(0, "utf8"));
const stem = createStemmer(dictionary);
process.stdout.write(JSON.stringify(words.map(stem)));
