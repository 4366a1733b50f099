/* Background map consent, on each map like a two-click video: tiles load only after the visitor presses
   the button on the map, which names the server that receives the IP address. The choice is kept in
   localStorage and can be withdrawn on the Datenschutz page. When tiles fail, the map says so and offers
   to retry. Maps register themselves in window.ogiKarten (assets/karte/karte.js). */
(function () {
  "use strict";
  var SCHLUESSEL = "ogi-karten-einwilligung";
  var karten = [];
  var geladen = false;

  function eingewilligt() {
    try { return window.localStorage.getItem(SCHLUESSEL) === "ja"; } catch (fehler) { return false; }
  }

  function speichern(ja) {
    try {
      if (ja) { window.localStorage.setItem(SCHLUESSEL, "ja"); } else { window.localStorage.removeItem(SCHLUESSEL); }
    } catch (fehler) { /* storage blocked: the choice lasts for this page only */ }
  }

  function block(karte) {
    var rahmen = karte.getContainer().parentNode;
    return rahmen ? rahmen.querySelector(".ogi-karte-consent") : null;
  }

  function teil(b, name) { return b.querySelector(".ogi-karte-consent__" + name); }

  function melden(b, text, fehler) {
    var status = teil(b, "status");
    status.textContent = text;
    status.hidden = false;
    b.classList.toggle("ogi-karte-consent--fehler", fehler);
    teil(b, "erneut").hidden = !fehler;
  }

  function kachelnAnKarte(karte) {
    var b = block(karte);
    if (!geladen || karte.ogiKacheln || !b) { return; }
    var daten = b.dataset;
    var gut = 0, schlecht = 0;
    var schicht = window.L.tileLayer(daten.kachelnUrl, { attribution: daten.attribution, maxZoom: 19 });
    schicht.on("loading", function () { gut = 0; schlecht = 0; melden(b, "Die Hintergrundkarte wird von " + daten.server + " geladen …", false); });
    schicht.on("tileload", function () { gut += 1; });
    schicht.on("tileerror", function () { schlecht += 1; });
    schicht.on("load", function () {
      if (schlecht && !gut) {
        melden(b, "Die Hintergrundkarte konnte nicht geladen werden: " + daten.server +
          " antwortet nicht oder ist nicht erreichbar. Die Karte zeigt weiter die Gemeindegrenzen.", true);
      } else {
        melden(b, "Hintergrundkarte: " + daten.server, false);
        b.classList.add("ogi-karte-consent--klein");
      }
    });
    karte.ogiKacheln = schicht.addTo(karte);
    karte.getContainer().classList.add("ogi-karte--kacheln");
  }

  function zeigen(b) {
    b.hidden = false;
    teil(b, "frage").hidden = geladen;
    teil(b, "knopf").hidden = geladen;
  }

  function laden() {
    geladen = true;
    document.querySelectorAll(".ogi-karte-consent").forEach(zeigen);
    karten.forEach(kachelnAnKarte);
  }

  // Maps created before this script ran are waiting in a plain array.
  var warteschlange = Array.isArray(window.ogiKarten) ? window.ogiKarten : [];
  window.ogiKarten = { karten: karten, push: function (karte) { karten.push(karte); kachelnAnKarte(karte); } };
  warteschlange.forEach(window.ogiKarten.push);

  document.querySelectorAll(".ogi-karte-consent").forEach(function (b) {
    zeigen(b);
    teil(b, "knopf").addEventListener("click", function () {
      speichern(true);
      laden();
      teil(b, "status").focus();
    });
    teil(b, "erneut").addEventListener("click", function () {
      karten.forEach(function (karte) { if (block(karte) === b && karte.ogiKacheln) { karte.ogiKacheln.redraw(); } });
      teil(b, "status").focus();
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
