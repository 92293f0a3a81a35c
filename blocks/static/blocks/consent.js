/* Two-click consent for embeds (video, map): nothing is requested from the provider
   until the citizen clicks the button. Without JavaScript the block shows a link. */
(function () {
  "use strict";
  function load(figure) {
    var src = figure.getAttribute("data-consent-embed");
    if (!src || src.indexOf("https://") !== 0) return;
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = figure.getAttribute("data-consent-title") || "";
    frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.className = "consent-embed__frame";
    var placeholder = figure.querySelector(".consent-embed__placeholder");
    placeholder.replaceWith(frame);
  }
  document.querySelectorAll("[data-consent-embed]").forEach(function (figure) {
    var button = figure.querySelector(".consent-embed__load");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () { load(figure); });
  });
})();
