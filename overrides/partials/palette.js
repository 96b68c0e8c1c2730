{#- The light/dark switch (partials/palette.html). Follows the phone's setting until
    the patient chooses; the choice is kept on this device only, under Material's key. -#}
(function () {
  var get = window.__md_get || function () { return null; };  // Material's storage helpers (its head script)
  var set = window.__md_set || function () {};
  var form = document.currentScript.previousElementSibling;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
  var keys = ["media", "scheme", "primary", "accent"];
  function color(input) {
    var found = {};
    keys.forEach(function (key) { found[key] = input.getAttribute("data-md-color-" + key); });
    return found;
  }
  function show(index) {
    var chosen = color(inputs[index]);
    keys.forEach(function (key) { document.body.setAttribute("data-md-color-" + key, chosen[key]); });
    inputs.forEach(function (input, i) {
      input.checked = i === index;
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
  }
  function preferred() {
    var index = inputs.findIndex(function (input) { return matchMedia(input.getAttribute("data-md-color-media")).matches; });
    return index < 0 ? 0 : index;
  }
  var saved = get("__palette");
  show(saved && saved.index >= 0 && saved.index < inputs.length ? saved.index : preferred());
  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () {
      show(i);
      set("__palette", { index: i, color: color(input) });
    });
  });
  form.addEventListener("keydown", function (event) {
    var label = event.key === "Enter" && event.target.matches("input") && form.querySelector("label:not([hidden])");
    if (label) { event.preventDefault(); label.click(); }
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
    if (!get("__palette")) show(preferred());
  });
})();
