/* Clinic kit: ticks on a page's checklist, remembered on this device only.
   Stored in the browser's localStorage under the page's address; nothing is sent.
   A box is known by its step's words, so editing one step forgets only its tick.
   Runs once, inline at the end of the page: no request, no library. */
(function () {
  var boxes = document.querySelectorAll(".md-content .task-list-control input[type=checkbox]");
  var tools = document.querySelector("[data-checklist-tools]");
  var store = null;
  try { store = window.localStorage; store.getItem("probe"); } catch (error) { store = null; }
  if (!boxes.length || !tools || !store) return;
  var key = "clinic-kit:checklist:" + location.pathname;
  var ticked = {};
  try { ticked = JSON.parse(store.getItem(key) || "{}") || {}; } catch (error) { ticked = {}; }
  function name(box) { return box.parentNode.textContent.replace(/\s+/g, " ").trim(); }
  function save() {
    var now = {};
    boxes.forEach(function (box) { if (box.checked) now[name(box)] = true; });
    if (Object.keys(now).length) store.setItem(key, JSON.stringify(now)); else store.removeItem(key);
  }
  boxes.forEach(function (box) {
    box.checked = ticked[name(box)] === true;
    box.addEventListener("change", save);
  });
  var status = tools.querySelector("[role=status]");
  tools.querySelector("[data-checklist-clear]").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    store.removeItem(key);
    status.textContent = status.getAttribute("data-checklist-cleared");
  });
  var first = boxes[0].closest(".admonition") || boxes[0].closest("details") || boxes[0].closest("ul");
  first.parentNode.insertBefore(tools, first);
  tools.hidden = false;
})();
