// The SOP pages' swimlane diagram, readable on any screen.
//
// Mermaid draws the diagram at its natural size (mermaid.py: flowchart
// useMaxWidth false), so its text stays 14 px with five to eight lanes. This
// script shrinks it to the page's width only as far as its text stays 12 px,
// puts it in a box that scrolls sideways, adds buttons to zoom out, zoom in,
// see the whole width or return to the natural size, and a
// row of lane names that stays under the page header while the reader scrolls
// down a long diagram, following the box's sideways scroll.
//
// Material (9.8.2) draws each diagram into a closed shadow root of a new
// <div class="mermaid">, where no other script can read the lanes' places.
// The wrapper of attachShadow below keeps a reference to the roots of those
// divs, and leaves them closed. It must run before Material draws (after
// DOMContentLoaded): mkdocs.yml loads this script in extra_javascript, a
// plain script after Material's own. tests/test_diagram_browser.py fails if
// Material draws otherwise. No file name with "mermaid" in it: mermaid2 would
// take this script for Mermaid (its extra_javascript property).
(() => {
  "use strict";
  const roots = new WeakMap();
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.classList.contains("mermaid")) roots.set(this, root);
    return root;
  };

  const STEP = 1.25; // one press of Perbesar / Perkecil
  const READABLE_PX = 12; // the smallest text the diagram is shrunk to by itself
  const MIN = 0.2;
  const MAX = 3;

  function element(tag, className, attributes = {}) {
    const node = document.createElement(tag);
    node.className = className;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  // A button's accessible name holds its visible text (WCAG 2.5.3); a sign (−, +) is named in words.
  function button(label, name, title, action) {
    const node = element("button", "md-button sop-alat__tombol", { type: "button", title, "aria-label": name });
    node.textContent = label;
    node.addEventListener("click", action);
    return node;
  }

  /** The lanes of a drawn swimlane, left to right: their titles' rectangles and names. */
  function lanes(svg) {
    return [...svg.querySelectorAll("g.cluster.swimlane")]
      .map((lane) => ({ rect: lane.querySelector("rect.swimlane-title"), name: lane.textContent.trim() }))
      .filter((lane) => lane.rect)
      .sort((a, b) => a.rect.getBoundingClientRect().left - b.rect.getBoundingClientRect().left);
  }

  function enhance(host, svg) {
    const figure = host.closest("figure.sop-diagram");
    if (!figure || figure.querySelector(".sop-gulir")) return;
    const box = svg.viewBox.baseVal;
    let zoom = 1;

    // Focusable, so that the arrow keys scroll it.
    const scroller = element("div", "sop-gulir", {
      tabindex: "0",
      role: "group",
      "aria-label": "Diagram alir; geser untuk melihat semua lajur",
    });
    const header = element("div", "sop-lajur", { "aria-hidden": "true" });
    const frame = element("div", "sop-lajur__bingkai");
    const row = element("div", "sop-lajur__baris");
    frame.append(row);
    header.append(frame);
    const tools = element("div", "sop-alat");
    const shown = element("output", "sop-alat__skala", { "aria-live": "polite" });
    shown.textContent = "100%"; // before it is in the page: said only when it changes
    const hint = element("span", "sop-alat__petunjuk");
    hint.textContent = "Geser diagram ke samping untuk melihat semua lajur.";
    tools.append(
      button("−", "Perkecil diagram", "Perkecil", () => setZoom(zoom / STEP)),
      button("+", "Perbesar diagram", "Perbesar", () => setZoom(zoom * STEP)),
      button("100%", "100%, ukuran asli", "Ukuran asli", () => setZoom(1)),
      button("Selebar layar", "Selebar layar: seluruh lebar diagram", "Seluruh lebar diagram", () =>
        setZoom(scroller.clientWidth / box.width),
      ),
      shown,
      hint,
    );
    host.before(tools, header, scroller);
    scroller.append(host);

    function place() {
      // The row of lane names: one cell over each lane, at the lane's place in the scrolled box.
      const origin = scroller.getBoundingClientRect().left - scroller.scrollLeft;
      row.replaceChildren(
        ...lanes(svg).map(({ rect, name }) => {
          const where = rect.getBoundingClientRect();
          const cell = element("span", "sop-lajur__sel");
          const text = element("span", "sop-lajur__nama");
          text.textContent = name;
          cell.append(text);
          cell.style.left = `${where.left - origin}px`;
          cell.style.width = `${where.width}px`;
          cell.style.borderBottomColor = getComputedStyle(rect).stroke; // the lane's colour
          return cell;
        }),
      );
      row.style.width = `${scroller.scrollWidth}px`;
      follow();
    }

    function follow() {
      if (!figure.isConnected) {
        // Left behind by instant navigation, which replaces the page's content.
        window.removeEventListener("scroll", follow);
        window.removeEventListener("resize", place);
        window.removeEventListener("resize", refit);
        return;
      }
      frame.scrollLeft = scroller.scrollLeft; // a lane's name stays in view while a part of the lane is
      frame.style.width = `${scroller.clientWidth}px`;
      // Shown once the diagram's own lane titles have gone under the page header.
      const stuck = header.getBoundingClientRect().top - scroller.getBoundingClientRect().top > 1;
      header.classList.toggle("sop-lajur--tampil", stuck);
      const wide = scroller.scrollWidth > scroller.clientWidth + 1;
      figure.classList.toggle("sop-diagram--lebar", wide);
      hint.hidden = !wide;
    }

    function setZoom(value) {
      const centre = (scroller.scrollLeft + scroller.clientWidth / 2) / zoom;
      zoom = Math.min(MAX, Math.max(MIN, value));
      svg.style.maxWidth = "none";
      svg.setAttribute("width", String(box.width * zoom));
      svg.setAttribute("height", String(box.height * zoom));
      scroller.scrollLeft = centre * zoom - scroller.clientWidth / 2;
      shown.textContent = `${Math.round(zoom * 100)}%`;
      figure.dataset.skala = String(zoom);
      place();
    }

    // Until the reader zooms: the whole width if its text stays readable (four lanes at 1280 px),
    // else the natural size, scrolled sideways.
    let chosen = false;
    tools.addEventListener("click", () => (chosen = true), { capture: true });
    const label = svg.querySelector("g.node foreignObject > div");
    const textPx = label ? parseFloat(getComputedStyle(label).fontSize) : 14;
    function fitIfReadable() {
      const fit = scroller.clientWidth / box.width;
      setZoom(fit * textPx >= READABLE_PX ? Math.min(fit, 1) : 1);
    }
    function refit() {
      if (!chosen) fitIfReadable();
    }

    scroller.addEventListener("scroll", follow, { passive: true });
    window.addEventListener("scroll", follow, { passive: true });
    window.addEventListener("resize", place);
    window.addEventListener("resize", refit);
    fitIfReadable();
  }

  function visit(node) {
    if (!(node instanceof Element)) return;
    for (const host of node.matches("div.mermaid") ? [node] : node.querySelectorAll("div.mermaid")) {
      const svg = roots.get(host)?.querySelector('svg[aria-roledescription="swimlane"]');
      if (svg) enhance(host, svg);
    }
  }

  // Material puts each drawn diagram in the page in place of its <pre>; with
  // instant navigation it replaces the page's content the same way.
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(visit);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
