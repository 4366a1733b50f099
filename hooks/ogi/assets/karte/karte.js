/* Every map of the site: German controls, the base map of the Kommune outlines (one cached file, drawn
   without consent and without any third-party request), highlighted Kommune areas, the Kommunen index's
   counts, a measure page's shape, the first view, and keyboard access to markers and popups. Each map's
   script calls ogiKarte(map, options); options come as JSON from the build (ogi.maps.karten). Text from
   content is only ever set with textContent. */
(function () {
  "use strict";
  var grundkarten = {};  // url -> promise of the FeatureCollection: one request per page, cached by the browser

  function grundkarte(url) {
    if (!grundkarten[url]) {
      grundkarten[url] = fetch(url).then(function (antwort) {
        if (!antwort.ok) { throw new Error(antwort.status); }
        return antwort.json();
      });
    }
    return grundkarten[url];
  }

  function element(name, klasse, text) {
    var el = document.createElement(name);
    if (klasse) { el.className = klasse; }
    if (text) { el.textContent = text; }
    return el;
  }

  function deutsch(karte, namensnennung) {
    L.control.zoom({ zoomInTitle: "Vergrößern", zoomOutTitle: "Verkleinern" }).addTo(karte);
    karte.attributionControl.setPrefix("<a href=\"https://leafletjs.com\" hreflang=\"en\">Leaflet</a>");
    var text = element("span", "", namensnennung);  // plain text, never markup
    karte.attributionControl.addAttribution(text.innerHTML);
    karte.getContainer().setAttribute("aria-roledescription", "Karte");
  }

  // Popups: German close button; focus moves into the popup and back to what opened it.
  function popupsZugaenglich(karte) {
    var zurueck = null;
    karte.on("popupopen", function (ereignis) {
      var box = ereignis.popup.getElement();
      var knopf = box.querySelector(".leaflet-popup-close-button");
      if (knopf) { knopf.setAttribute("aria-label", "Fenster schließen"); knopf.title = "Fenster schließen"; }
      var aktiv = document.activeElement;
      zurueck = karte.getContainer().contains(aktiv) && !box.contains(aktiv) ? aktiv : null;
      var ziel = box.querySelector(".leaflet-popup-content a, .leaflet-popup-content button");
      if (ziel) { ziel.focus({ preventScroll: true }); }
    });
    karte.on("popupclose", function () {
      if (zurueck && document.body.contains(zurueck)) { zurueck.focus({ preventScroll: true }); }
      zurueck = null;
    });
    karte.getContainer().addEventListener("keydown", function (ereignis) {
      if (ereignis.key === "Escape" && karte._popup && karte.hasLayer(karte._popup)) { karte.closePopup(); return; }
      if (ereignis.key !== " " && ereignis.key !== "Enter") { return; }
      var ziel = ereignis.target;
      if (!ziel.classList || !ziel.classList.contains("leaflet-marker-icon")) { return; }
      var layer = null;
      karte.eachLayer(function (l) { if (!layer && l.getElement && l.getElement() === ziel) { layer = l; } });
      if (!layer) { return; }
      if (layer.ogiAktion) { ereignis.preventDefault(); layer.ogiAktion(); return; }
      // Leaflet opens a marker's popup on Enter itself; Space does the same here.
      if (ereignis.key === " " && layer.getPopup && layer.getPopup()) { ereignis.preventDefault(); layer.openPopup(); }
    });
  }

  function zentrum(feature) {
    return L.geoJSON(feature).getBounds().getCenter();
  }

  // A count on the Kommunen index: a keyboard-usable link to the Kommune's page.
  function zaehler(karte, feature, eintrag) {
    var inhalt = element("span", "ogi-zaehler__zahl", String(eintrag.anzahl));
    inhalt.appendChild(element("span", "ogi-sr", " Maßnahmen in " + eintrag.name));
    var marker = L.marker(zentrum(feature), {
      icon: L.divIcon({ html: inhalt, className: "ogi-zaehler", iconSize: [28, 22] }),
      title: eintrag.name + ": " + eintrag.anzahl + (eintrag.anzahl === 1 ? " Maßnahme" : " Maßnahmen"),
      keyboard: true, riseOnHover: true
    });
    marker.ogiAktion = function () { window.location.href = eintrag.href; };
    marker.on("click", marker.ogiAktion);
    marker.addTo(karte);
  }

  function stufe(anzahl) {
    return anzahl >= 4 ? 3 : anzahl >= 2 ? 2 : anzahl >= 1 ? 1 : 0;
  }

  function zeichnen(karte, sammlung, optionen, zustand) {
    var hervor = optionen.hervorheben || [];
    var anzahlen = optionen.anzahlen || null;
    karte.createPane("ogiGrundkarte").style.zIndex = 250;  // above tiles (200), below shapes (400)
    // The 53 names are for the eye: a screen reader would hear 53 tooltips. The map's region label and
    // text (figcaption, list) are its one text alternative.
    var namen = karte.createPane("ogiOrtsnamen");
    namen.style.zIndex = 650;  // where Leaflet's tooltip pane lies
    namen.setAttribute("aria-hidden", "true");
    var schicht = L.geoJSON(sammlung, {
      pane: "ogiGrundkarte", interactive: false,
      style: function (f) {
        var ags = f.properties.ags;
        if (hervor.indexOf(ags) >= 0 || zustand.hervor.indexOf(ags) >= 0) {
          return { color: "#1b5e20", weight: 3, dashArray: "8 5", fillColor: "#1b5e20", fillOpacity: 0.16 };
        }
        var s = anzahlen && anzahlen[ags] ? stufe(anzahlen[ags].anzahl) : 0;
        return { color: "#5d6b5d", weight: 1, fillColor: ["#ffffff", "#b9dcb0", "#6fb35f", "#2e7d32"][s],
                 fillOpacity: s ? 0.7 : 0.55 };
      },
      onEachFeature: function (f, layer) {
        // Names sit on the areas; hidden below zoom 10 (CSS) where they would overlap.
        var hervorgehoben = hervor.indexOf(f.properties.ags) >= 0;
        var name = hervorgehoben && optionen.beschriftung ? optionen.beschriftung : f.properties.name;
        layer.bindTooltip(element("span", "", name), {
          permanent: true, direction: "center", interactive: false, pane: "ogiOrtsnamen",
          className: "ogi-ortsname" + (hervorgehoben ? " ogi-ortsname--hervor" : "")
        });
      }
    }).addTo(karte);
    zustand.schicht = schicht;
    if (anzahlen) {
      sammlung.features.forEach(function (f) {
        var eintrag = anzahlen[f.properties.ags];
        if (eintrag && eintrag.anzahl && eintrag.href) { zaehler(karte, f, eintrag); }
      });
    }
    karte.getContainer().setAttribute("data-ogi-grundkarte", String(sammlung.features.length));
  }

  // A measure page's own shape, as the build describes it (ogi.maps.karten.massnahme_zeichnung): a marker for
  // an exact point, a dashed circle for an approximate one, a line or an area (dashed when approximate).
  var ZEICHNEN = {
    markierung: function (z) { return L.marker(z.lage, z.stil); },
    kreis: function (z) { return L.circle(z.lage, z.stil); },
    linie: function (z) { return L.polyline(z.lage, z.stil); },
    flaeche: function (z) { return L.polygon(z.lage, z.stil); }
  };

  function zoomKlasse(karte) {
    var behaelter = karte.getContainer();
    function setzen() { behaelter.classList.toggle("ogi-zoom-klein", karte.getZoom() < 10); }
    karte.on("zoomend", setzen);
    setzen();
  }

  window.ogiKarte = function (karte, optionen) {
    deutsch(karte, optionen.namensnennung);
    popupsZugaenglich(karte);
    zoomKlasse(karte);
    (window.ogiKarten = window.ogiKarten || []).push(karte);  // einwilligung.js adds the tiles after consent
    var zustand = { hervor: [], schicht: null };
    // More areas to highlight, e.g. the Kommunen of the overview's measures without position.
    karte.ogiHervorheben = function (liste) {
      zustand.hervor = liste.slice();
      if (zustand.schicht) { zustand.schicht.resetStyle(); }
    };
    if (optionen.zeichnung) { ZEICHNEN[optionen.zeichnung.art](optionen.zeichnung).addTo(karte); }
    var a = optionen.ansicht;  // the first view, as the build chose it (ogi.maps.karten.ansicht)
    if (a) { karte.fitBounds(a.box, { padding: [a.padding, a.padding], maxZoom: a.maxZoom }); }
    grundkarte(optionen.grundkarte).then(function (sammlung) {
      zeichnen(karte, sammlung, optionen, zustand);
    }).catch(function (fehler) {
      if (window.console) { window.console.error("ogiKarte:", fehler); }
    });
  };
  window.ogiElement = element;
})();
