/* The monitoring form (formulir-monitoring/): the SOP page's link names the SOP
   in its query (?nama=...&nomor=...&unit=...); each is written into the fields
   marked data-isi as text, never as markup. Without them the fields stay blank,
   to be filled in by hand. */
(() => {
  const query = new URLSearchParams(window.location.search);
  for (const field of document.querySelectorAll(".sop-monitoring [data-isi]")) {
    const value = query.get(field.dataset.isi);
    if (value) field.textContent = value;
  }
  const nama = query.get("nama");
  if (nama) document.title = `Monitoring: ${nama}`;
})();
