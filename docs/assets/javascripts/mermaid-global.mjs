// Mermaid for the handbook's pages with a diagram (mermaid2's script imports this module).
// Material draws diagrams with the global `mermaid` and would fetch Mermaid from a CDN
// without it: the ES-module build copied by `make` is made that global here.
import mermaid from "./mermaid/mermaid.esm.min.mjs";

window.mermaid = mermaid;
export default mermaid;
