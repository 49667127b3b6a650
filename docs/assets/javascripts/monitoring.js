/* The monitoring form (formulir-monitoring/): the SOP page's link names the
   page (?sop=<instansi>/<unit>/<id>); the form fetches that page of this site
   and copies the SOP's name, number and unit from its identity table into the
   fields marked data-isi, as text, never as markup (DOMParser runs no script).
   Otherwise the fields stay blank, to be filled in by hand. */
(async () => {
  const path = new URLSearchParams(window.location.search).get("sop");
  if (!path || !/^[a-z0-9_-]+\/[a-z0-9_-]+\/[a-z0-9_-]+$/.test(path)) return;
  const response = await fetch(new URL(`../sop/${path}/`, window.location.href));
  if (!response.ok) return;
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const cell = (label) => {
    const th = [...page.querySelectorAll("table.sop-identitas th")].find((e) => e.textContent.trim() === label);
    return th ? th.nextElementSibling : null;
  };
  const nama = cell("Nama SOP");
  const values = {
    // "Nama SOP" as written, or the page's title when the source has none.
    nama: nama && !nama.querySelector(".sop-kosong") ? nama.textContent : page.querySelector("article h1")?.textContent,
    nomor: cell("Nomor SOP")?.textContent,
    unit: cell("Unit Kerja")?.textContent,
  };
  for (const field of document.querySelectorAll(".sop-monitoring [data-isi]")) {
    const value = values[field.dataset.isi];
    if (value) field.textContent = value.trim();
  }
  if (values.nama) document.title = `Monitoring: ${values.nama.trim()}`;
})();
