// mandatekit serve: small enhancements; every page works without them (links, anchors, <details>).
"use strict";

function announce(text) {
  const live = document.getElementById("announce");
  if (live) { live.textContent = ""; window.setTimeout(() => { live.textContent = text; }, 50); }
}

function clearHighlights() {
  document.querySelectorAll(".hl").forEach((el) => el.classList.remove("hl"));
}

// A finding's title: scroll to its evidence and highlight it in the draft.
function showEvidence(rule, link) {
  clearHighlights();
  const paras = document.querySelectorAll(`.para[data-rules~="${CSS.escape(rule)}"]`);
  paras.forEach((p) => p.classList.add("hl"));
  document.querySelectorAll(`mark[data-rules~="${CSS.escape(rule)}"]`).forEach((m) => m.classList.add("hl"));
  const finding = document.getElementById(`f-${rule}`);
  if (finding) finding.classList.add("hl");
  const first = paras[0] || document.querySelector(link.getAttribute("href"));
  if (first) {
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
    history.replaceState(null, "", `#${first.id}`);
  }
  announce(`${paras.length} paragraph${paras.length === 1 ? "" : "s"} highlighted`);
}

// Beside the draft, the scorecard scrolls in a box of its own: bring a finding into that box's view, so a
// click on a paragraph shows its findings without moving the paragraph. (One above the other, on a narrow
// screen, the page is left where it is: the paragraph's own list links to each finding.)
function revealInScorecard(finding) {
  const box = document.querySelector(".scorecard");
  if (!finding || !box || box.scrollHeight <= box.clientHeight) return;
  const top = finding.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  box.scrollTo({ top: Math.max(0, top - 8) });
}

// A paragraph: list the findings that rest on it and mark them in the scorecard.
function showFindings(para) {
  clearHighlights();
  para.classList.add("hl");
  const rules = (para.dataset.rules || "").trim().split(/\s+/).filter(Boolean);
  const marked = rules.map((rule) => document.getElementById(`f-${rule}`)).filter(Boolean);
  marked.forEach((f) => f.classList.add("hl"));
  revealInScorecard(marked.find((f) => !f.hidden));
  const details = para.querySelector("details.rests");
  if (details) details.open = true;
  announce(`${rules.length} finding${rules.length === 1 ? "" : "s"} rest on this paragraph`);
}

function filterFindings(link) {
  const show = link.dataset.show;
  document.querySelectorAll(".finding[data-verdict]").forEach((f) => {
    f.hidden = Boolean(show) && f.dataset.verdict !== show;
  });
  document.querySelectorAll(".filter a").forEach((a) => a.removeAttribute("aria-current"));
  link.setAttribute("aria-current", "true");
  // Printed with a filter on, the page says so (trial 15, F12): the same words as the server writes.
  const note = document.getElementById("filtered-note");
  if (note) {
    const shown = document.querySelectorAll(".finding[data-verdict]:not([hidden])").length;
    note.textContent = show
      ? `Filtered: ${show} only, ${shown} of ${note.dataset.total} findings (choose “All” to print every one).`
      : "";
  }
  const url = new URL(window.location.href);
  if (show) url.searchParams.set("show", show); else url.searchParams.delete("show");
  history.replaceState(null, "", url.pathname + url.search);
  announce(`${document.querySelectorAll(".finding:not([hidden])").length} findings shown`);
}

async function copyText(button) {
  const source = document.getElementById(button.dataset.copy);
  if (!source) return;
  const text = source.textContent.trim();
  try {
    await navigator.clipboard.writeText(text);
  } catch (err) {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  const label = button.textContent;
  button.textContent = "Copied";
  announce("Suggested language copied");
  window.setTimeout(() => { button.textContent = label; }, 2000);
}

document.addEventListener("click", (event) => {
  const target = event.target;
  if (!(target instanceof Element)) return;
  const goto = target.closest("a.goto");
  if (goto) { event.preventDefault(); showEvidence(goto.dataset.rule, goto); return; }
  const place = target.closest("a.goto-place");
  if (place) {
    const para = document.querySelector(place.getAttribute("href"));
    if (para) { event.preventDefault(); clearHighlights(); para.classList.add("hl");
      para.scrollIntoView({ block: "center" }); para.focus({ preventScroll: true }); }
    return;
  }
  const filter = target.closest(".filter a[data-show]");
  if (filter) { event.preventDefault(); filterFindings(filter); return; }
  const copy = target.closest("button.copy");
  if (copy) { copyText(copy); return; }
  const back = target.closest("a[data-finding]");
  if (back) {
    const f = document.getElementById(`f-${back.dataset.finding}`);
    if (f) { event.preventDefault(); f.hidden = false; clearHighlights(); f.classList.add("hl");
      f.scrollIntoView({ block: "start" }); const t = f.querySelector("h3 a, h3"); if (t) t.focus(); }
    return;
  }
  const para = target.closest(".para.has-findings");
  if (para && !target.closest("summary, a")) showFindings(para);
});

// Enter on a focused paragraph (reached by a finding's link) lists its findings too.
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (event.key === "Enter" && target instanceof Element && target.matches(".para.has-findings")) {
    showFindings(target);
  }
});

// A check takes a moment (a long draft, a few seconds): say so on the button, and do not send it twice.
document.querySelectorAll("form[data-busy]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    const button = form.querySelector("button[type=submit]");
    if (!button) return;
    if (button.getAttribute("aria-disabled") === "true") { event.preventDefault(); return; }
    button.dataset.label = button.textContent;
    button.textContent = form.dataset.busy;
    button.setAttribute("aria-disabled", "true");
    form.setAttribute("aria-busy", "true");
    announce(form.dataset.busy);
  });
});
// Back to a page the browser kept: its form is ready again.
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form[data-busy] button[data-label]").forEach((button) => {
    button.textContent = button.dataset.label;
    button.removeAttribute("aria-disabled");
    button.removeAttribute("data-label");
    button.closest("form").removeAttribute("aria-busy");
  });
});

// Drop a file on a form's drop zone: it becomes that input's file.
document.querySelectorAll(".drop[data-drop]").forEach((zone) => {
  const input = zone.querySelector("input[type=file]");
  ["dragenter", "dragover"].forEach((name) => zone.addEventListener(name, (e) => {
    e.preventDefault(); zone.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((name) => zone.addEventListener(name, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    if (input && e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      announce(`${e.dataTransfer.files[0].name} chosen`);
    }
  });
});

// Arriving at #p-N (a finding's link followed without script, or shared): highlight that paragraph.
if (window.location.hash.startsWith("#f-")) {
  const f = document.querySelector(window.location.hash);
  if (f) f.classList.add("hl");
}

// A long draft's page comes before its suggestions are placed (the server judges the draft again with each
// fix in place): ask for them and put each where its placeholder stands. Without script (or if this fails),
// each placeholder's link leads to the page with them.
const awaiting = document.querySelector("[data-places]");
if (awaiting) {
  fetch(awaiting.dataset.places, { credentials: "same-origin", headers: { Accept: "text/html" } })
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${response.status}`))))
    .then((html) => {
      const parsed = new DOMParser().parseFromString(html, "text/html");
      parsed.body.querySelectorAll(":scope > [id]").forEach((element) => {
        const here = document.getElementById(element.id);
        if (here) here.replaceWith(document.importNode(element, true));
      });
      awaiting.removeAttribute("data-places");
      awaiting.removeAttribute("aria-busy");
      announce("Suggested language and places shown");
    })
    .catch(() => { awaiting.removeAttribute("aria-busy"); });
}

// Printing: the sources behind each finding are part of the record; open them for the printout only.
let openedForPrint = [];
window.addEventListener("beforeprint", () => {
  openedForPrint = [...document.querySelectorAll("details.sources:not([open])")];
  openedForPrint.forEach((d) => { d.open = true; });
});
window.addEventListener("afterprint", () => {
  openedForPrint.forEach((d) => { d.open = false; });
  openedForPrint = [];
});
