/* DanVan page behaviour, loaded from a file: the Content-Security-Policy forbids inline script.
   Each behaviour is declared by a data- attribute and is only a convenience: without JavaScript
   the page still works (a submit button in <noscript>, no confirmation step). */
(function () {
  "use strict";

  // <select data-autosubmit>: choosing an option submits its form.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field instanceof HTMLSelectElement && field.hasAttribute("data-autosubmit") && field.form) {
      if (field.form.requestSubmit) { field.form.requestSubmit(); } else { field.form.submit(); }
    }
  });

  // <input data-select-on-focus>: a click or focus selects the whole value, ready to copy.
  function selectAll(event) {
    var field = event.target;
    if (field instanceof HTMLInputElement && field.hasAttribute("data-select-on-focus")) {
      field.select();
    }
  }
  document.addEventListener("click", selectAll);
  document.addEventListener("focusin", selectAll);

  // <form data-confirm="question">: ask before submitting.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-confirm")) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    }
  });
})();
