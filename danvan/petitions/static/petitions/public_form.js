// Keep the hidden province of the submission form in step with the province chooser, so that a
// commune list loaded by htmx is posted with its province (without JavaScript the page reloads).
document.addEventListener("DOMContentLoaded", function () {
  var chooser = document.getElementById("tinh");
  var hidden = document.getElementById("tinh-hidden");
  if (chooser && hidden) {
    chooser.addEventListener("change", function () { hidden.value = chooser.value; });
  }
});
