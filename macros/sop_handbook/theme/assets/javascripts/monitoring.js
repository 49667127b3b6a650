/* The monitoring form (formulir-monitoring/): the SOP page's link names the SOP
   (?sop=<instansi>/<unit>/<id>); the form finds its name, number, unit and the
   agency's government (the kop; a handbook may hold several) in the
   form's data-sop (written by the build, render_pages.monitoring_data) and copies
   them into the fields marked data-isi, as text, never as markup. It reads no
   other file, so it works from a folder opened without a server (file://).
   Otherwise the fields stay blank, to be filled in by hand. */
(() => {
  const form = document.querySelector(".sop-monitoring[data-sop]");
  const path = new URLSearchParams(window.location.search).get("sop");
  if (!form || !path || !/^[a-z0-9_-]+\/[a-z0-9_-]+\/[a-z0-9_-]+$/.test(path)) return;
  const [instansi, unit, id] = path.split("/");
  const units = JSON.parse(form.dataset.sop);
  const entry = Object.hasOwn(units, `${instansi}/${unit}`) ? units[`${instansi}/${unit}`] : null;
  if (!entry || !Object.hasOwn(entry[1], id)) return;
  const [nama, nomor] = entry[1][id];
  const values = { unit: entry[0], nama, nomor, pemerintah: entry[2] };
  for (const field of document.querySelectorAll(".sop-monitoring [data-isi]")) {
    const value = values[field.dataset.isi];
    if (value) field.textContent = value;
  }
  document.title = `Monitoring: ${nama}`;
})();
