/* SIMADU public pages: small enhancements only; every page works without this file.
 * Forms marked data-submit-once ignore a second tap while the first is being sent,
 * so a slow connection does not file the same report twice. */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once")) {
      return;
    }
    if (form.getAttribute("data-sending") === "1") {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-sending", "1");
    form.setAttribute("aria-busy", "true");
  });
  // Coming back with the browser's Back button: the form may be sent again.
  window.addEventListener("pageshow", function () {
    var forms = document.querySelectorAll("form[data-sending]");
    for (var i = 0; i < forms.length; i += 1) {
      forms[i].removeAttribute("data-sending");
      forms[i].removeAttribute("aria-busy");
    }
  });
})();
