/* Overview and Kommune maps: the measures as one GeoJSON layer (the overview fetches projekte.geojson,
   a Kommune page brings its own few inline), clustered, coloured by status; the filter form acts on the
   map and the list together. */
(function () {
  "use strict";

  function representativePoint(feature) {
    if (feature.geometry.type === "Point") { return feature; }
    var mitte = L.geoJSON(feature.geometry).getBounds().getCenter();
    return { type: "Feature", properties: feature.properties,
             geometry: { type: "Point", coordinates: [mitte.lng, mitte.lat] } };
  }

  function element(name, klasse, text) {
    var el = document.createElement(name);
    if (klasse) { el.className = klasse; }
    if (text) { el.textContent = text; }
    return el;
  }

  function popupInhalt(p, basis) {
    var box = element("div", "ogi-popup");
    var titel = element("p", "ogi-popup__titel");
    var link = element("a", "", p.titel);
    link.href = basis + p.slug + "/";
    titel.appendChild(link);
    box.appendChild(titel);
    box.appendChild(element("p", "", p.kurzbeschreibung));
    box.appendChild(element("p", "ogi-popup__fakten", p.kommunen.join(", ") + " · " + p.status +
      (p.genauigkeit === "Kommune" ? " · genaue Lage nicht bekannt" : "")));
    return box;
  }

  function markierung(feature, latlng) {
    var p = feature.properties;
    var klasse = "ogi-punkt ogi-punkt--" + p.status.replace(/ /g, "-") +
      (p.genauigkeit === "Kommune" ? " ogi-punkt--ring" : "");
    return L.marker(latlng, { icon: L.divIcon({ className: klasse, iconSize: [18, 18] }), title: p.titel,
                              alt: p.titel, keyboard: true });
  }

  function clusterSymbol(cluster) {
    var anzahl = cluster.getChildCount();
    return L.divIcon({ html: "<span>" + anzahl + "<span class=\"ogi-sr\"> Maßnahmen</span></span>",
                       className: "ogi-cluster", iconSize: [36, 36] });
  }

  function passt(auswahl, p) {
    if (auswahl.gebiet) {
      var teile = auswahl.gebiet.split(":");
      var liste = teile[0] === "kreis" ? p.kreise : p.kommunen;
      if (liste.indexOf(teile.slice(1).join(":")) < 0) { return false; }
    }
    if (auswahl.traeger && p.traeger !== auswahl.traeger) { return false; }
    if (auswahl.status && p.status !== auswahl.status) { return false; }
    return true;
  }

  // A row of the list carries no data of its own: its first link names the measure's slug.
  function zeilenMerkmale(daten) {
    var nachSlug = {};
    daten.layer.getLayers().forEach(function (l) { nachSlug[l.feature.properties.slug] = l.feature.properties; });
    return function (tr) {
      var link = tr.querySelector("a");
      return link ? nachSlug[link.getAttribute("href").replace(/\/$/, "")] : undefined;
    };
  }

  function einpassen(karte, gruppe) {
    var grenzen = gruppe.getBounds();
    if (grenzen.isValid()) { karte.fitBounds(grenzen, { padding: [24, 24], maxZoom: 13 }); }
  }

  function filterVerbinden(karte, daten, optionen) {
    var form = document.getElementById(optionen.filter);
    var tabelle = optionen.liste ? document.getElementById(optionen.liste) : null;
    var ergebnis = document.getElementById(optionen.filter + "-ergebnis");
    if (!form) { return; }
    var zeilen = tabelle ? Array.prototype.slice.call(tabelle.querySelectorAll("tbody tr")) : [];
    var zeile = zeilenMerkmale(daten);
    function anwenden() {
      var auswahl = { gebiet: form.elements.gebiet.value, traeger: form.elements.traeger.value,
                      status: form.elements.status.value };
      var sichtbar = daten.layer.getLayers().filter(function (l) { return passt(auswahl, l.feature.properties); });
      daten.cluster.clearLayers();
      daten.cluster.addLayers(sichtbar);
      zeilen.forEach(function (tr) { var p = zeile(tr); tr.hidden = p !== undefined && !passt(auswahl, p); });
      var gesamt = daten.layer.getLayers().length;
      ergebnis.textContent = sichtbar.length === gesamt ? "Alle " + gesamt + " Maßnahmen werden gezeigt."
        : sichtbar.length + " von " + gesamt + " Maßnahmen werden gezeigt.";
      einpassen(karte, daten.cluster);
    }
    form.hidden = false;
    form.addEventListener("change", anwenden);
    form.addEventListener("reset", function () { window.setTimeout(anwenden, 0); });
    form.addEventListener("submit", function (ereignis) { ereignis.preventDefault(); anwenden(); });
    anwenden();
  }

  window.ogiUebersicht = function (karte, optionen) {
    var behaelter = karte.getContainer();
    var laden = optionen.merkmale ? Promise.resolve(optionen.merkmale) : fetch(optionen.daten).then(function (antwort) {
      if (!antwort.ok) { throw new Error(antwort.status); }
      return antwort.json();
    });
    laden.then(function (sammlung) {
      var features = sammlung.features.filter(function (f) {
        return !optionen.kommune || f.properties.kommunen.indexOf(optionen.kommune) >= 0;
      });
      var layer = L.geoJSON({ type: "FeatureCollection", features: features.map(representativePoint) }, {
        pointToLayer: markierung,
        onEachFeature: function (feature, l) {
          l.bindPopup(function () { return popupInhalt(feature.properties, optionen.basis); });
        }
      });
      var cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40,
                                           iconCreateFunction: clusterSymbol });
      cluster.addLayers(layer.getLayers());
      cluster.addTo(karte);
      karte.ogiDaten = { layer: layer, cluster: cluster };
      if (optionen.kommune) { einpassen(karte, cluster); }
      if (optionen.filter) { filterVerbinden(karte, karte.ogiDaten, optionen); }
      behaelter.setAttribute("data-ogi-geladen", String(features.length));
    }).catch(function (fehler) {
      if (window.console) { window.console.error("ogiUebersicht:", fehler); }
      var hinweis = element("p", "ogi-karte__fehler",
        "Die Maßnahmen konnten nicht in die Karte geladen werden. Die Liste unten ist vollständig.");
      behaelter.parentNode.appendChild(hinweis);
    });
  };
})();
