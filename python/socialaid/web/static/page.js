// The browser's own checks (from the schema's min, max, pattern, required) shown next to their field,
// in the page's language; and the notice's print button. No inline script: the CSP forbids it.
(function () {
  "use strict";
  function span(el) { return el.id ? document.getElementById("e" + el.id) : null; }
  function message(el) {
    var v = el.validity, d = el.dataset;
    if (v.valueMissing && d.errRequired) { return d.errRequired; }
    if (v.badInput && d.errType) { return d.errType; }
    if (v.rangeUnderflow && d.errMin) { return d.errMin; }
    if (v.rangeOverflow && d.errMax) { return d.errMax; }
    if ((v.rangeUnderflow || v.rangeOverflow) && d.errRange) { return d.errRange; }
    if (v.stepMismatch && d.errStep) { return d.errStep; }
    if (v.patternMismatch && d.errPattern) { return d.errPattern; }
    return el.validationMessage;
  }
  var first = null;
  document.addEventListener("invalid", function (ev) {
    var el = ev.target, out = span(el);
    if (!out) { return; }
    ev.preventDefault();  // the message goes beside the field, in the page's language, not in a bubble
    out.textContent = message(el);
    if (!first) {
      first = el;
      window.setTimeout(function () { first.focus(); first = null; }, 0);
    }
    var box = el.closest(".field, .check");
    if (box) { box.classList.add("has-error"); }
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
  }, true);
  document.addEventListener("input", function (ev) {
    var el = ev.target, out = span(el);
    if (out && el.validity && el.validity.valid && out.dataset.server !== "1") {
      out.textContent = "";
      var box = el.closest(".field, .check");
      if (box) { box.classList.remove("has-error"); }
    }
  });
  // "Fill in" on the decision page links to a field that may sit in a closed group: open it, bring it to view
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (!target) { return; }
    for (var p = target; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
    target.scrollIntoView({block: "center"});
    var input = target.matches("input, select") ? target : target.querySelector("input, select");
    if (input) { input.focus({preventScroll: true}); }
  }
  window.addEventListener("hashchange", reveal);
  document.addEventListener("DOMContentLoaded", function () {
    reveal();
    var buttons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () { window.print(); });
    }
  });
}());
