/* The page "Formulare öffnen" (ogi/editors/cms.py): loads the forms' scripts one after the other, only when the editor
   opens the forms or follows a link into one (#/collections/…); Decap CMS then waits for formulare.js, which
   registers the record format and the map widget and starts it (CMS_MANUAL_INIT). */
(function () {
  "use strict";
  window.CMS_MANUAL_INIT = true;
  var knopf = document.getElementById("ogi-formulare-oeffnen");
  if (!knopf) { return; }
  var skripte = JSON.parse(knopf.getAttribute("data-skripte"));

  function laden(i) {
    if (i >= skripte.length) { return; }
    var skript = document.createElement("script");
    skript.src = skripte[i];
    skript.onload = function () { laden(i + 1); };
    document.body.appendChild(skript);
  }

  function oeffnen() {
    knopf.disabled = true;
    document.documentElement.classList.add("ogi-formulare-offen");  // formulare.css hides the site around it
    laden(0);
  }

  knopf.addEventListener("click", oeffnen);
  if (/^#\//.test(window.location.hash)) { oeffnen(); }
})();
