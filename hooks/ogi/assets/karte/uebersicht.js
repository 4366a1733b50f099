/* Overview and Kommune maps: the measures as one GeoJSON layer of points, one per measure, with only the
   properties read here (ogi.maps.daten: a line or area is already the centre of its bounds). The overview
   fetches assets/karte/massnahmen.json, a Kommune page brings its own few inline. Measures with a position
   are clustered and drawn by status with shape and colour; measures known only by their Kommune are one
   labelled element per Kommune over its highlighted area. Clusters and groups open a list by click, Enter or
   Space. The filter form acts on map, list and address (?gebiet=…&traeger=…&status=…&fertigstellung=…)
   together; a field the form lacks (no year of completion known) stays empty. Content only via textContent.
   A summarised overview (above the build's limit, options.zaehler) first shows a count per Kommune and no table:
   the file loads once, when a count is activated, the map is zoomed in or a filter is set; a filter's result is
   then rendered as the table, 100 rows at a time, from cells the build formatted. */
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
    var gross = optionen.zaehler && tabelle ? new Tabelle(tabelle, optionen) : null;
    function anwenden() {
      var auswahl = {};
      FELDER.forEach(function (name) { auswahl[name] = form.elements[name] ? form.elements[name].value : ""; });
      var gefiltert = FELDER.some(function (name) { return auswahl[name]; });
      var sichtbar = alle.filter(function (f) { return passt(auswahl, f.properties); });
      var gruppe = darstellung.zeigen(sichtbar);
      zeilen.forEach(function (tr) { var p = zeile(tr); tr.hidden = p !== undefined && !passt(auswahl, p); });
      var n = sichtbar.length;
      ergebnis.textContent = gross && !gefiltert ? "Die Karte zeigt alle " + gesamt + " Maßnahmen einzeln; filtern zeigt sie auch als Tabelle."
        : n === gesamt ? "Alle " + gesamt + " Maßnahmen werden gezeigt."
        : n === 0 ? "Keine der " + gesamt + " Maßnahmen passt zu dieser Auswahl."
        : n + " von " + gesamt + " Maßnahmen werden gezeigt.";
      if (leer) { leer.hidden = n !== 0; }
      if (gross) {
        gross.zeigen(gefiltert ? sichtbar : [], gesamt);
      } else {
        if (titel) { titel.textContent = (n === gesamt ? n : n + " von " + gesamt) + " " + titelText; }
        if (tabelle) { tabelle.hidden = n === 0; }
      }
      if (kartenText) {
        var liste = gross ? "die Tabelle unten" : "die Liste unten";
        kartenText.textContent = gross && !gefiltert ? "Die Karte zeigt alle " + gesamt + " Maßnahmen einzeln."
          : n === gesamt ? "Die Karte zeigt alle " + gesamt + " Maßnahmen der Liste unten."
          : n === 0 ? "Die Karte zeigt keine Maßnahme: keine passt zur Auswahl."
          : "Die Karte zeigt die " + anzahlText(n).replace(/^1 Maßnahme$/, "eine Maßnahme") +
            " der Auswahl, dieselben wie " + liste + ".";
      }
      karte.getContainer().setAttribute("data-ogi-sichtbar", String(n));
      // A summarised overview keeps the reader's view (a Kommune zoomed to) until a filter asks for another.
      if (n && (gefiltert || !gross)) { einpassen(karte, gruppe); }
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

  // The table of a filter's result on a summarised overview: rows from the file's properties, `seite` at a time.
  function Tabelle(tabelle, optionen) {
    var selbst = this;
    this.tabelle = tabelle;
    this.koerper = tabelle.tBodies[0];
    this.titel = tabelle.caption;
    this.titelText = this.titel.textContent.replace(/^\d+ /, "");
    this.weiter = document.getElementById(optionen.liste + "-weiter");
    this.knopf = this.weiter.querySelector("button");
    this.seite = optionen.seite;
    this.basis = optionen.basis;
    this.orte = {};
    optionen.zaehler.forEach(function (z) { selbst.orte[z.name] = z.href; });
    this.liste = [];
    this.gezeigt = 0;
    this.knopf.addEventListener("click", function () { selbst.mehr(true); });
  }

  Tabelle.prototype.zeile = function (p) {
    var orte = this.orte;
    var tr = element("tr");
    var titel = element("td");
    var link = element("a", "", p.titel);
    link.href = this.basis + p.slug + "/";
    titel.appendChild(link);
    tr.appendChild(titel);
    var kommunen = element("td");
    p.kommunen.forEach(function (name, i) {
      if (i) { kommunen.appendChild(document.createTextNode(", ")); }
      var ort = element(orte[name] ? "a" : "span", "", name);
      if (orte[name]) { ort.href = orte[name]; }
      kommunen.appendChild(ort);
    });
    tr.appendChild(kommunen);
    [p.traeger, p.status, p.fertiggestellt, p.foerderung].forEach(function (text) {
      tr.appendChild(element("td", "", text || "–"));
    });
    return tr;
  };

  Tabelle.prototype.zeigen = function (merkmale, gesamt) {
    var n = merkmale.length;
    this.liste = merkmale.map(function (f) { return f.properties; });
    this.gezeigt = 0;
    this.koerper.textContent = "";
    this.titel.textContent = (n === gesamt ? n : n + " von " + gesamt) + " " + this.titelText;
    this.tabelle.hidden = n === 0;
    this.mehr(false);
  };

  // The next rows; by the button, focus moves to the first of them (the button itself may disappear).
  Tabelle.prototype.mehr = function (fokus) {
    var neu = this.liste.slice(this.gezeigt, this.gezeigt + this.seite);
    var koerper = this.koerper, zeile = this.zeile.bind(this), erste = null;
    neu.forEach(function (p) { var tr = zeile(p); erste = erste || tr; koerper.appendChild(tr); });
    this.gezeigt += neu.length;
    var rest = this.liste.length - this.gezeigt;
    this.weiter.hidden = rest <= 0;
    this.knopf.textContent = "Weitere " + Math.min(rest, this.seite) + " zeigen (" + this.gezeigt + " von " +
      this.liste.length + " gezeigt)";
    if (fokus && erste) { erste.querySelector("a").focus(); }
  };

  // Counts per Kommune until the measures are needed: a count (click, Enter, Space) zooms to its Kommune, and
  // that, any zoom beyond the first view or a filter (set, or in the address) loads the file, once.
  function zusammengefasst(karte, optionen) {
    var behaelter = karte.getContainer();
    var form = document.getElementById(optionen.filter);
    var ergebnis = document.getElementById(optionen.filter + "-ergebnis");
    var zaehler = L.layerGroup().addTo(karte);
    // The region view: the first view may still be zooming there (an animated fit), so not getZoom() alone.
    var region = L.latLngBounds([]);
    optionen.zaehler.forEach(function (z) { region.extend(z.box); });
    var start = Math.min(karte.getZoom(), karte.getBoundsZoom(region, false, L.point(8, 8)));
    var geladen = null;
    function laden() {
      if (!geladen) {
        ergebnis.textContent = "Die einzelnen Maßnahmen werden geladen …";
        geladen = holen(optionen.daten).then(function (sammlung) {
          karte.off("zoomend", hinein);
          form.removeEventListener("change", gewaehlt);
          karte.removeLayer(zaehler);
          starten(karte, sammlung, optionen);
        });
        geladen.catch(fehlerZeigen(karte, "Die einzelnen Maßnahmen konnten nicht geladen werden. Die Liste unten " +
          "nennt ihre Zahl je Kommune; alle stehen in den offenen Daten."));
      }
      return geladen;
    }
    function hinein() { if (karte.getZoom() > start) { laden(); } }
    function gewaehlt() { inAdresse(form); laden(); }
    optionen.zaehler.forEach(function (z) {
      var text = anzahlText(z.anzahl) + " in " + z.name + " – Karte hineinzoomen";
      var inhalt = element("span", "ogi-zaehler__zahl", String(z.anzahl));
      inhalt.appendChild(element("span", "ogi-sr", text.slice(String(z.anzahl).length)));
      var marker = L.marker(L.latLngBounds(z.box).getCenter(), {
        icon: L.divIcon({ html: inhalt, className: "ogi-zaehler", iconSize: [12 + 8 * String(z.anzahl).length, 22] }),
        title: text, keyboard: true, riseOnHover: true
      });
      marker.ogiAktion = function () {
        karte.fitBounds(z.box, { padding: [8, 8] });
        laden().then(function () {
          behaelter.focus({ preventScroll: true });
          ergebnis.textContent = "Die Karte zeigt " + z.name + " mit " + anzahlText(z.anzahl) +
            "; hinauszoomen zeigt alle.";
        });
      };
      marker.on("click", marker.ogiAktion);
      zaehler.addLayer(marker);
    });
    behaelter.setAttribute("data-ogi-zaehler", String(optionen.zaehler.length));
    ergebnis.textContent = "Die Karte zeigt die Zahl der Maßnahmen je Kommune; hineinzoomen oder filtern zeigt die einzelnen.";
    form.hidden = false;
    form.addEventListener("change", gewaehlt);
    karte.on("zoomend", hinein);
    var adresse = new URLSearchParams(window.location.search);
    if (FELDER.some(function (name) { return adresse.get(name); })) { laden(); }
  }

  function holen(url) {
    return fetch(url).then(function (antwort) {
      if (!antwort.ok) { throw new Error(antwort.status); }
      return antwort.json();
    });
  }

  function starten(karte, sammlung, optionen) {
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
    karte.getContainer().setAttribute("data-ogi-geladen", String(alle.length));
  }

  function fehlerZeigen(karte, text) {
    return function (fehler) {
      if (window.console) { window.console.error("ogiUebersicht:", fehler); }
      var behaelter = karte.getContainer();
      behaelter.parentNode.parentNode.appendChild(element("p", "ogi-karte__fehler", text));
    };
  }

  window.ogiUebersicht = function (karte, optionen) {
    if (optionen.zaehler) { zusammengefasst(karte, optionen); return; }
    var laden = optionen.merkmale ? Promise.resolve(optionen.merkmale) : holen(optionen.daten);
    laden.then(function (sammlung) { starten(karte, sammlung, optionen); })
      .catch(fehlerZeigen(karte, "Die Maßnahmen konnten nicht in die Karte geladen werden. Die Liste unten ist vollständig."));
  };
})();
