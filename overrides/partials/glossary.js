/* Clinic kit: glossary tooltips (kit/glossary.py, styles in site.css).
   A definition shown on hover or keyboard focus can be hidden with Escape
   without moving the pointer or the focus (WCAG 2.2, 1.4.13), and shows
   again the next time the term is hovered or focused. */
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".glossary-term:hover, .glossary-term:focus-within").forEach(function (term) {
    term.classList.add("glossary-term--dismissed");
  });
});
["mouseover", "focusin"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    var term = event.target.closest && event.target.closest(".glossary-term");
    if (term && !term.contains(event.relatedTarget)) term.classList.remove("glossary-term--dismissed");
  });
});
