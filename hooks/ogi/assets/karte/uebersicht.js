/* Overview and Kommune maps: the measures as one GeoJSON layer of points, one per measure, with only the
   properties read here (ogi.maps.daten: a line or area is already the centre of its bounds). The overview
   fetches assets/karte/massnahmen.json, a Kommune page brings its own few inline. Measures with a position
   are clustered and drawn by status with shape and colour; measures known only by their Kommune are one
   labelled element per Kommune over its highlighted area. Clusters and groups open a list by click, Enter or
   Space. The filter form acts on map, list and address (?gebiet=…&traeger=…&status=…&fertigstellung=…)
   together; a field the form lacks (no year of completion known) stays empty. Content only via textContent. */
(function () {
  "use strict";
  var element = function (name, klasse, text) { return window.ogiElement(name, klasse, text); };
  var FORM = { "geplant": "dreieck", "in Umsetzung": "raute", "abgeschlossen": "kreis", "nicht bekannt": "quadrat" };
  var FELDER = ["gebiet", "traeger", "status", "fertigstellung"];

  function genauigkeitText(p) {
    return p.genauigkeit === "Kommune" ? "genaue Lage nicht bekannt (nur die Kommune)"
      : p.genauigkeit === "ungefähr" ? "Lage ungefähr" : "Lage exakt";
  }

  function popupInhalt(p, basis) {
    var box = element("div", "ogi-popup");
    var titel = element("p", "ogi-popup__titel");
    var link = element("a", "", p.titel);
    link.href = basis + p.slug + "/";
    titel.appendChild(link);
    box.appendChild(titel);
    box.appendChild(element("p", "", p.kurzbeschreibung));
    box.appendChild(element("p", "ogi-popup__fakten", p.kommunen.join(", ") + " · " + p.status + " · " +
      genauigkeitText(p)));
    return box;
  }

  // A list of measures in a popup: for a cluster and for a Kommune's measures without position.
  function listenInhalt(ueberschrift, merkmale, basis, zoomen) {
    var box = element("div", "ogi-popup");
    box.appendChild(element("p", "ogi-popup__titel", ueberschrift));
    var liste = element("ul", "ogi-popup__liste");
    merkmale.forEach(function (p) {
      var punkt = element("li");
      var link = element("a", "", p.titel);
      link.href = basis + p.slug + "/";
      punkt.appendChild(link);
      punkt.appendChild(document.createTextNode(" – " + p.status));
      liste.appendChild(punkt);
    });
    box.appendChild(liste);
    if (zoomen) {
      var knopf = element("button", "ogi-popup__knopf", "Hineinzoomen");
      knopf.type = "button";
      knopf.addEventListener("click", zoomen);
      box.appendChild(knopf);
    }
    return box;
  }

  function symbol(status) {
    var form = FORM[status] || "kreis";
    var html = element("span", "ogi-symbol ogi-symbol--" + form + " ogi-symbol--" + (status || "").replace(/ /g, "-"));
    return L.divIcon({ html: html, className: "ogi-marker", iconSize: [20, 20] });
  }

  function markierung(feature, latlng) {
    var p = feature.properties;
    return L.marker(latlng, { icon: symbol(p.status), title: p.titel + " (" + p.status + ")", keyboard: true });
  }

  function anzahlText(n) { return n === 1 ? "1 Maßnahme" : n + " Maßnahmen"; }

  function clusterSymbol(cluster) {
    var inhalt = element("span", "", String(cluster.getChildCount()));
    inhalt.appendChild(element("span", "ogi-sr", " Maßnahmen, Liste öffnen"));
    return L.divIcon({ html: inhalt, className: "ogi-cluster", iconSize: [36, 36] });
  }

  function passt(auswahl, p) {
    if (auswahl.gebiet) {
      var teile = auswahl.gebiet.split(":");
      var liste = teile[0] === "kreis" ? p.kreise : p.kommunen;
      if (liste.indexOf(teile.slice(1).join(":")) < 0) { return false; }
    }
    if (auswahl.traeger && p.traeger !== auswahl.traeger) { return false; }
    if (auswahl.status && p.status !== auswahl.status) { return false; }
    // fertigstellung is ISO text as the source gives it (JJJJ, JJJJ-MM or JJJJ-MM-TT): its year comes first.
    if (auswahl.fertigstellung && String(p.fertigstellung || "").slice(0, 4) !== auswahl.fertigstellung) { return false; }
    return true;
  }

  // Measures known only by their Kommune: one labelled element per Kommune, over its highlighted area.
  function gruppen(karte, merkmale, optionen) {
    var nachKommune = {};
    merkmale.forEach(function (f) {
      var name = f.properties.kommunen[0];
      (nachKommune[name] = nachKommune[name] || { punkt: f.geometry.coordinates, ags: (optionen.ags || {})[name], liste: [] })
        .liste.push(f.properties);
    });
    var ebene = L.layerGroup();
    var flaechen = [];
    Object.keys(nachKommune).sort().forEach(function (name) {
      var g = nachKommune[name];
      var text = anzahlText(g.liste.length) + " in " + name + ", genaue Lage nicht bekannt";
      var inhalt = element("span", "ogi-gruppe__zahl", String(g.liste.length));
      inhalt.appendChild(element("span", "ogi-sr", " " + text));
      var marker = L.marker([g.punkt[1], g.punkt[0]], {
        icon: L.divIcon({ html: inhalt, className: "ogi-gruppe", iconSize: [30, 24] }), title: text, keyboard: true
      });
      marker.bindPopup(function () { return listenInhalt(text + ":", g.liste, optionen.basis, null); });
      ebene.addLayer(marker);
      if (g.ags) { flaechen.push(g.ags); }
    });
    return { ebene: ebene, flaechen: flaechen };
  }

  function Darstellung(karte, alle, optionen) {
    this.karte = karte;
    this.alle = alle;
    this.optionen = optionen;
    this.cluster = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 40, zoomToBoundsOnClick: false, spiderfyOnMaxZoom: false,
      iconCreateFunction: clusterSymbol
    });
    var cluster = this.cluster;
    function oeffnen(c) {
      var liste = c.getAllChildMarkers().map(function (m) { return m.feature.properties; })
        .sort(function (a, b) { return a.titel.localeCompare(b.titel, "de"); });
      L.popup({ autoPanPadding: [24, 24] }).setLatLng(c.getLatLng())
        .setContent(listenInhalt(anzahlText(liste.length) + " an dieser Stelle:", liste, optionen.basis, function () {
          karte.closePopup();
          c.zoomToBounds({ padding: [24, 24] });
        })).openOn(karte);
    }
    cluster.on("clusterclick", function (e) { oeffnen(e.layer); });
    // Cluster icons get a fresh marker on every zoom: attach the keyboard action when they appear.
    karte.on("layeradd", function (e) {
      if (e.layer instanceof L.MarkerCluster) { e.layer.ogiAktion = function () { oeffnen(e.layer); }; }
    });
    this.gruppenEbene = null;
    cluster.addTo(karte);
  }

  Darstellung.prototype.zeigen = function (sichtbar) {
    var karte = this.karte, optionen = this.optionen;
    var genau = sichtbar.filter(function (f) { return f.properties.genauigkeit !== "Kommune"; });
    var grob = sichtbar.filter(function (f) { return f.properties.genauigkeit === "Kommune"; });
    var punkte = L.geoJSON({ type: "FeatureCollection", features: genau }, {
      pointToLayer: markierung,
      onEachFeature: function (feature, l) {
        l.bindPopup(function () { return popupInhalt(feature.properties, optionen.basis); });
      }
    });
    this.cluster.clearLayers();
    this.cluster.addLayers(punkte.getLayers());
    if (this.gruppenEbene) { karte.removeLayer(this.gruppenEbene); }
    var g = gruppen(karte, grob, optionen);
    this.gruppenEbene = g.ebene.addTo(karte);
    karte.ogiHervorheben(g.flaechen.concat(optionen.hervorheben || []));
    return L.featureGroup(punkte.getLayers().concat(g.ebene.getLayers()));
  };

  function einpassen(karte, gruppe) {
    var grenzen = gruppe.getBounds();
    if (grenzen.isValid()) { karte.fitBounds(grenzen, { padding: [24, 24], maxZoom: 13 }); }
  }

  // A row of the list carries no data of its own: its first link names the measure's slug.
  function zeilenMerkmale(alle) {
    var nachSlug = {};
    alle.forEach(function (f) { nachSlug[f.properties.slug] = f.properties; });
    return function (tr) {
      var link = tr.querySelector("a");
      return link ? nachSlug[link.getAttribute("href").replace(/\/$/, "")] : undefined;
    };
  }

  function ausAdresse(form) {
    var parameter = new URLSearchParams(window.location.search);
    FELDER.forEach(function (name) {
      var wert = parameter.get(name) || "";
      var feld = form.elements[name];
      if (!feld) { return; }
      var gibt = Array.prototype.some.call(feld.options, function (o) { return o.value === wert; });
      feld.value = gibt ? wert : "";
    });
  }

  function inAdresse(form) {
    var parameter = new URLSearchParams(window.location.search);
    FELDER.forEach(function (name) {
      if (form.elements[name] && form.elements[name].value) { parameter.set(name, form.elements[name].value); } else { parameter.delete(name); }
    });
    var suche = parameter.toString();
    var adresse = window.location.pathname + (suche ? "?" + suche : "") + window.location.hash;
    if (adresse !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.pushState({ ogiFilter: true }, "", adresse);
    }
  }

  function filterVerbinden(karte, darstellung, alle, optionen) {
    var form = document.getElementById(optionen.filter);
    if (!form) { return; }
    var tabelle = optionen.liste ? document.getElementById(optionen.liste) : null;
    var ergebnis = document.getElementById(optionen.filter + "-ergebnis");
    var leer = document.getElementById(optionen.filter + "-leer");
    var kartenText = document.getElementById("ogi-karte-anzahl");
    var titel = tabelle && tabelle.caption ? tabelle.caption : null;
    var titelText = titel ? titel.textContent.replace(/^\d+ /, "") : "";
    var zeilen = tabelle ? Array.prototype.slice.call(tabelle.querySelectorAll("tbody tr")) : [];
    var zeile = zeilenMerkmale(alle);
    var gesamt = alle.length;
    function anwenden() {
      var auswahl = {};
      FELDER.forEach(function (name) { auswahl[name] = form.elements[name] ? form.elements[name].value : ""; });
      var sichtbar = alle.filter(function (f) { return passt(auswahl, f.properties); });
      var gruppe = darstellung.zeigen(sichtbar);
      zeilen.forEach(function (tr) { var p = zeile(tr); tr.hidden = p !== undefined && !passt(auswahl, p); });
      var n = sichtbar.length;
      ergebnis.textContent = n === gesamt ? "Alle " + gesamt + " Maßnahmen werden gezeigt."
        : n === 0 ? "Keine der " + gesamt + " Maßnahmen passt zu dieser Auswahl."
        : n + " von " + gesamt + " Maßnahmen werden gezeigt.";
      if (leer) { leer.hidden = n !== 0; }
      if (titel) { titel.textContent = (n === gesamt ? n : n + " von " + gesamt) + " " + titelText; }
      if (tabelle) { tabelle.hidden = n === 0; }
      if (kartenText) {
        kartenText.textContent = n === gesamt ? "Die Karte zeigt alle " + gesamt + " Maßnahmen der Liste unten."
          : n === 0 ? "Die Karte zeigt keine Maßnahme: keine passt zur Auswahl."
          : "Die Karte zeigt die " + anzahlText(n).replace(/^1 Maßnahme$/, "eine Maßnahme") +
            " der Auswahl, dieselben wie die Liste unten.";
      }
      karte.getContainer().setAttribute("data-ogi-sichtbar", String(n));
      if (n) { einpassen(karte, gruppe); }
    }
    form.hidden = false;
    form.addEventListener("change", function () { inAdresse(form); anwenden(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { inAdresse(form); anwenden(); }, 0);
    });
    form.addEventListener("submit", function (ereignis) { ereignis.preventDefault(); anwenden(); });
    if (leer) {
      leer.querySelector("a").addEventListener("click", function (ereignis) {
        ereignis.preventDefault();
        form.reset();
        form.elements.gebiet.focus();
      });
    }
    window.addEventListener("popstate", function () { ausAdresse(form); anwenden(); });
    ausAdresse(form);
    anwenden();
  }

  window.ogiUebersicht = function (karte, optionen) {
    var behaelter = karte.getContainer();
    var laden = optionen.merkmale ? Promise.resolve(optionen.merkmale) : fetch(optionen.daten).then(function (antwort) {
      if (!antwort.ok) { throw new Error(antwort.status); }
      return antwort.json();
    });
    laden.then(function (sammlung) {
      var alle = sammlung.features.filter(function (f) {
        return !optionen.kommune || f.properties.kommunen.indexOf(optionen.kommune) >= 0;
      });
      var darstellung = new Darstellung(karte, alle, optionen);
      karte.ogiDarstellung = darstellung;
      if (optionen.filter) {
        filterVerbinden(karte, darstellung, alle, optionen);
      } else {
        darstellung.zeigen(alle);
      }
      behaelter.setAttribute("data-ogi-geladen", String(alle.length));
    }).catch(function (fehler) {
      if (window.console) { window.console.error("ogiUebersicht:", fehler); }
      var hinweis = element("p", "ogi-karte__fehler",
        "Die Maßnahmen konnten nicht in die Karte geladen werden. Die Liste unten ist vollständig.");
      behaelter.parentNode.parentNode.appendChild(hinweis);
    });
  };
})();
