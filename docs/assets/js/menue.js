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

  // The first entry the reader sees: Material's drawer opens at the page's own level, which covers the
  // levels above it (their links stay in the page, under it).
  function ersterSichtbarer(menue) {
    var eintraege = menue.querySelectorAll("a[href], label[tabindex='0']");
    for (var i = 0; i < eintraege.length; i++) {
      var e = eintraege[i];
      var r = e.getBoundingClientRect();
      if (!r.width || !r.height) { continue; }
      if (e.checkVisibility && !e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) { continue; }
      var oben = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (oben && (oben === e || e.contains(oben))) { return e; }
    }
    return null;
  }

  knopf.addEventListener("keydown", function (ereignis) {
    if (ereignis.key !== "Enter" && ereignis.key !== " ") { return; }
    ereignis.preventDefault();
    setzen(!offen());
    var menue = document.querySelector(".md-sidebar--primary");
    if (offen() && menue) {
      // Once the drawer has slid in (Material: .25s), the focus moves to its first visible entry.
      window.setTimeout(function () {
        var ziel = offen() && ersterSichtbarer(menue);
        if (ziel) { ziel.focus(); }
      }, 300);
    }
  });

  document.addEventListener("keydown", function (ereignis) {
    if (ereignis.key === "Escape" && offen()) {
      setzen(false);
      knopf.focus();
    }
  });
})();
