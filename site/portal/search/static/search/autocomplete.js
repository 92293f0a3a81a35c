/* Suggestions for the search box (progressive enhancement): fills the input's native
   <datalist> with page titles from the autocomplete endpoint. Without JavaScript the
   search form works all the same. */
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete-url]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  if (!list) return;
  var url = input.getAttribute("data-autocomplete-url");
  var timer = null;
  var last = "";
  var controller = null;

  function fill(titles) {
    list.textContent = "";
    titles.forEach(function (title) {
      var option = document.createElement("option");
      option.value = title;
      list.appendChild(option);
    });
  }

  function load() {
    var value = input.value.trim();
    if (value === last) return;
    last = value;
    if (value.length < 2 || value.length > 100) { fill([]); return; }
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(value), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (titles) { if (Array.isArray(titles)) fill(titles.slice(0, 8)); })
      .catch(function () { /* no suggestions then */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(load, 200);
  });
})();
