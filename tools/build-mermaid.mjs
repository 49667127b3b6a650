// The handbook's Mermaid: one classic script holding the diagram kinds the
// handbook draws, built from the pinned npm package by the pinned esbuild.
//
//     node tools/build-mermaid.mjs OUT.js
//
// A classic script named .js, not an ES module named .mjs: every web server's
// stock types send .js as JavaScript (Debian's nginx sends .mjs as text/plain,
// and browsers refuse a module of that type), and a classic script also runs
// from a folder opened with no server at all (file://), where browsers refuse
// every module script.
//
// Mermaid's own ES-module build is a 31 kB core that imports some thirty chunks,
// then the diagram's chunks when a diagram is drawn: on a plain-HTTP intranet
// server (six connections per host) those files cost about 0.2 s of the time until
// an SOP page's diagram is drawn. This script is one file with no imports:
//
// - Mermaid's core and the dynamic imports in DRAWN (the swimlane of the SOP
//   pages, the flowchart of Peta keterkaitan, their layouts and the small
//   helpers they may ask for) are bundled in;
// - ELK, Mermaid's default layout for flowcharts (1.5 MB: with it the SOP
//   pages' diagrams took half a second longer to draw), is replaced by dagre,
//   as in Mermaid's own "tiny" build;
// - every other dynamic import (other diagram kinds, cose-bilkent, KaTeX: the
//   handbook's labels code "$", so they hold no math) becomes a module that
//   throws an error saying so.
//
// The script makes itself the global `mermaid` Material draws with (without
// it Material would fetch Mermaid from a CDN).
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Module names (before Mermaid's content hash) that are bundled in.
const DRAWN = ["swimlanesDiagram", "flowDiagram", "swimlanes", "dagre", "bpmnIcons", "sizeCapture"];
// Module names replaced by another module of Mermaid's, with the same exports.
const STAND_INS = { elk: "dagre" };
const ENTRY = `import mermaid from "mermaid";
window.mermaid = mermaid;
`;
const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** "./chunks/mermaid.core/flowDiagram-MALGAFMO.mjs" -> "flowDiagram"; "katex" -> "katex". */
function moduleName(specifier) {
  return path.basename(specifier).replace(/-[A-Z0-9]{8}\.mjs$/, "");
}

const out = process.argv[2];
if (!out) {
  console.error("usage: node tools/build-mermaid.mjs OUT.js");
  process.exit(2);
}
const bundled = new Set();
const result = await esbuild.build({
  stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: "mermaid-handbook.mjs" },
  bundle: true,
  format: "iife",
  minify: true,
  legalComments: "none",
  outfile: out,
  logLevel: "warning",
  metafile: true,
  plugins: [
    {
      name: "handbook-diagrams",
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind !== "dynamic-import") return undefined;
          const name = moduleName(args.path);
          if (name in STAND_INS) {
            const file = fs.readdirSync(args.resolveDir).find((f) => moduleName(f) === STAND_INS[name]);
            if (file) {
              bundled.add(name);
              return { path: path.join(args.resolveDir, file) };
            }
          }
          if (DRAWN.includes(name)) {
            bundled.add(name);
            return undefined;
          }
          return { path: name, namespace: "left-out" };
        });
        build.onLoad({ filter: /.*/, namespace: "left-out" }, (args) => ({
          contents: `throw new Error(${JSON.stringify(
            `Mermaid's "${args.path}" is not in the handbook's Mermaid, which draws swimlane and ` +
              "flowchart diagrams only: add it to DRAWN in tools/build-mermaid.mjs",
          )});`,
          loader: "js",
        }));
      },
    },
  ],
});
const missing = [...DRAWN, ...Object.keys(STAND_INS)].filter((name) => !bundled.has(name));
if (missing.length) {
  console.error(`tools/build-mermaid.mjs: Mermaid no longer imports ${missing.join(", ")}: update DRAWN or STAND_INS`);
  process.exit(1);
}
const bytes = Object.values(result.metafile.outputs)[0].bytes;
console.log(`${out}: ${(bytes / 1e6).toFixed(2)} MB of Mermaid (${DRAWN.join(", ")}; elk as dagre)`);
