/* Background map consent: tiles load only after the visitor clicks; the choice is kept in localStorage
   and can be withdrawn on the Datenschutz page. Maps register themselves in window.ogiKarten. */
(function () {
  "use strict";
  var SCHLUESSEL = "ogi-karten-einwilligung";
  var karten = [];
  var bloecke = Array.prototype.slice.call(document.querySelectorAll(".ogi-karte-consent"));
  var geladen = false;

  function eingewilligt() {
    try { return window.localStorage.getItem(SCHLUESSEL) === "ja"; } catch (fehler) { return false; }
  }

  function speichern(ja) {
    try {
      if (ja) { window.localStorage.setItem(SCHLUESSEL, "ja"); } else { window.localStorage.removeItem(SCHLUESSEL); }
    } catch (fehler) { /* storage blocked: the choice lasts for this page only */ }
  }

  function kachelnAnKarte(karte) {
    if (!geladen || karte.ogiKacheln || !bloecke.length) { return; }
    var daten = bloecke[0].dataset;
    karte.ogiKacheln = window.L.tileLayer(daten.kachelnUrl, { attribution: daten.attribution, maxZoom: 19 }).addTo(karte);
  }

  function zeigen(block) {
    block.hidden = false;
    block.querySelector(".ogi-karte-consent__frage").hidden = geladen;
    block.querySelector(".ogi-karte-consent__knopf").hidden = geladen;
    block.querySelector(".ogi-karte-consent__geladen").hidden = !geladen;
  }

  function laden() {
    geladen = true;
    karten.forEach(kachelnAnKarte);
    bloecke.forEach(zeigen);
  }

  // Maps created before this script ran are waiting in a plain array.
  var warteschlange = Array.isArray(window.ogiKarten) ? window.ogiKarten : [];
  window.ogiKarten = { karten: karten, push: function (karte) { karten.push(karte); kachelnAnKarte(karte); } };
  warteschlange.forEach(window.ogiKarten.push);

  bloecke.forEach(function (block) {
    zeigen(block);
    block.querySelector(".ogi-karte-consent__knopf").addEventListener("click", function () {
      speichern(true);
      laden();
      block.querySelector(".ogi-karte-consent__geladen").focus();
    });
  });
  if (eingewilligt()) { laden(); }

  var zustand = document.getElementById("ogi-consent-state");
  var widerruf = document.getElementById("ogi-consent-revoke");
  if (zustand && widerruf) {
    zustand.textContent = eingewilligt()
      ? "Ihre Einwilligung zur Hintergrundkarte ist in diesem Browser gespeichert."
      : "Ihre Einwilligung zur Hintergrundkarte ist in diesem Browser nicht gespeichert.";
    widerruf.addEventListener("click", function () {
      speichern(false);
      zustand.textContent = "Ihre Einwilligung ist widerrufen. Die Hintergrundkarte wird erst wieder geladen, " +
        "wenn Sie erneut zustimmen.";
    });
  }
})();
