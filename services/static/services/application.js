/* Online-Bürgerservice: progressive enhancement of the application forms.
   - Fields with a condition ("Nur ausfüllen, wenn …") are hidden until the
     condition holds; without JavaScript they are all shown with that hint.
   - The error summary gets the focus so screen readers announce it first. */
(function () {
  "use strict";

  var YES = ["ja", "yes", "true", "1", "x", "on"];

  function normalise(value) {
    return String(value || "").trim().toLowerCase();
  }

  function currentValues(form, name) {
    var controls = form.querySelectorAll('[name="' + name.replace(/"/g, "") + '"]');
    var values = [];
    var single = null;
    Array.prototype.forEach.call(controls, function (control) {
      if (control.type === "radio") {
        if (control.checked) values.push(control.value);
      } else if (control.type === "checkbox") {
        if (controls.length === 1) single = control.checked;
        else if (control.checked) values.push(control.value);
      } else {
        values.push(control.value);
      }
    });
    return { values: values, checkbox: single, found: controls.length > 0 };
  }

  function matches(state, expected) {
    expected = normalise(expected);
    if (state.checkbox !== null) {
      return state.checkbox ? YES.indexOf(expected) !== -1 : YES.indexOf(expected) === -1;
    }
    return state.values.some(function (value) { return normalise(value) === expected; });
  }

  function update(form) {
    var wrappers = form.querySelectorAll("[data-show-if-field]");
    Array.prototype.forEach.call(wrappers, function (wrapper) {
      var state = currentValues(form, wrapper.getAttribute("data-show-if-field"));
      if (!state.found) return;
      var controller = form.querySelector("#feld-" + wrapper.getAttribute("data-show-if-field"));
      var controllerHidden = controller && controller.hidden;
      var show = !controllerHidden && matches(state, wrapper.getAttribute("data-show-if-value"));
      // a field with an error stays visible so the message can be read
      if (wrapper.classList.contains("form-field--error")) show = true;
      wrapper.hidden = !show;
    });
  }

  function enhance(form) {
    if (!form.querySelector("[data-show-if-field]")) return;
    Array.prototype.forEach.call(form.querySelectorAll("[data-condition-hint]"), function (hint) {
      hint.hidden = true;
    });
    update(form);
    form.addEventListener("change", function () { update(form); });
    form.addEventListener("input", function () { update(form); });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.application-form"), enhance);
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
