/* The menu button by keyboard. Below 76.25em Material's menu is a drawer opened by a hidden checkbox
   (#__drawer) through a <label>, which no key reaches; overrides/partials/header.html gives the button a
   tab stop, and this script lets Enter and Space open the drawer (focus moves into it) and Escape close it
   (focus returns to the button). ogi.css keeps the closed drawer out of the tab order. */
(function () {
  "use strict";
  var knopf = document.querySelector("[data-ogi-menueknopf]");
  var schalter = document.getElementById("__drawer");
  if (!knopf || !schalter) { return; }

  function offen() { return schalter.checked; }

  function setzen(an) {
    if (offen() !== an) { schalter.click(); }  // a click, so Material hears the change as from its label
  }

  schalter.addEventListener("change", function () { knopf.setAttribute("aria-expanded", String(offen())); });

  knopf.addEventListener("keydown", function (ereignis) {
    if (ereignis.key !== "Enter" && ereignis.key !== " ") { return; }
    ereignis.preventDefault();
    setzen(!offen());
    if (offen()) {
      var menue = document.querySelector(".md-sidebar--primary");
      var ziel = menue && menue.querySelector("a[href], label[tabindex='0'], input, [tabindex='0']");
      // The drawer turns visible with the checkbox (ogi.css): focus can move in at once.
      if (ziel) { ziel.focus(); }
    }
  });

  document.addEventListener("keydown", function (ereignis) {
    if (ereignis.key === "Escape" && offen()) {
      setzen(false);
      knopf.focus();
    }
  });
})();
