/* The editing page (ogi/editors/cms.py): registers what Decap CMS needs beyond its own widgets, then starts it.

   1. The format "ogi-yaml": reads a record with js-yaml (YAML 1.2 core schema: a date stays text, as the checks
      expect it) and writes it back in the field order of its model, without empty fields, every text in double
      quotes (so "10:30" or "2020" stay text for any YAML reader) and with the schema comment of hand-written files.
   2. The widget "ogi-lage": a measure's place drawn as point, line or area on the site's own base map (no tiles,
      no other host); the field holds the GeoJSON geometry as text while editing, the file gets it as YAML.
   The record kind of a file (projekt, tagung, beitrag …) is recognised from its keys and kept in the field
   "ogi_datei" while editing; the collections filter on it (tagung.yml lies in the folder of its contributions). */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var ART = "ogi_datei";
  var FELDER = JSON.parse(document.getElementById("ogi-formulare-felder").textContent);
  var KARTE = JSON.parse(document.getElementById("ogi-formulare-karte").textContent);
  var SCHEMA = { projekt: "../../schemas/projekt.schema.json", tagung: "../../schemas/tagung.schema.json",
                 beitrag: "../../schemas/beitrag.schema.json", meilensteine: "../schemas/meilensteine.schema.json",
                 betreiber: "../schemas/betreiber.schema.json" };

  function art(daten) {
    if (!daten || typeof daten !== "object") { return ""; }
    if ("tage" in daten) { return "tagung"; }
    if ("lage" in daten) { return "projekt"; }
    if ("meilensteine" in daten) { return "meilensteine"; }
    if ("anschrift" in daten) { return "betreiber"; }
    if ("art" in daten || "tag" in daten) { return "beitrag"; }
    return "";
  }

  function leer(wert) {
    if (wert === null || wert === undefined || wert === "") { return true; }
    if (Array.isArray(wert)) { return wert.length === 0; }
    return typeof wert === "object" && Object.keys(wert).length === 0;
  }

  // Drops what the form leaves empty (a cleared text, an untouched group) and orders keys as the model does.
  function ordnen(wert, reihenfolge) {
    if (Array.isArray(wert)) {
      return wert.map(function (eintrag) { return ordnen(eintrag, reihenfolge); })
        .filter(function (eintrag) { return !leer(eintrag); });
    }
    if (!wert || typeof wert !== "object") { return typeof wert === "string" ? wert.trim() : wert; }
    var schluessel = Object.keys(wert);
    var folge = reihenfolge && reihenfolge[""] ? reihenfolge[""].slice() : [];
    schluessel.forEach(function (k) { if (folge.indexOf(k) < 0) { folge.push(k); } });  // the checks name strays
    var ergebnis = {};
    folge.forEach(function (k) {
      if (k === ART || !(k in wert)) { return; }
      var v = ordnen(wert[k], reihenfolge ? reihenfolge[k] : null);
      if (!leer(v)) { ergebnis[k] = v; }
    });
    return ergebnis;
  }

  function geometrieAlsText(daten) {
    if (daten.lage && daten.lage.geometrie && typeof daten.lage.geometrie === "object") {
      daten.lage.geometrie = JSON.stringify(daten.lage.geometrie);
    }
  }

  function geometrieAlsObjekt(daten) {
    if (daten.lage && typeof daten.lage.geometrie === "string") {
      var text = daten.lage.geometrie.trim();
      // Not parseable: kept as text, so `make check` names the field instead of the form losing it.
      try { daten.lage.geometrie = text ? JSON.parse(text) : ""; } catch (e) { daten.lage.geometrie = text; }
    }
  }

  CMS.registerCustomFormat("ogi-yaml", "yml", {
    fromFile: function (text) {
      var daten = window.jsyaml.load(text, { schema: window.jsyaml.CORE_SCHEMA });
      if (!daten || typeof daten !== "object" || Array.isArray(daten)) { daten = {}; }
      daten[ART] = art(daten);
      geometrieAlsText(daten);
      return daten;
    },
    toFile: function (daten) {
      var kopie = JSON.parse(JSON.stringify(daten));
      var welche = kopie[ART] || art(kopie);
      geometrieAlsObjekt(kopie);
      var yaml = window.jsyaml.dump(ordnen(kopie, FELDER[welche]), {
        // flowLevel 4: a position of a line or an area on one line, [Länge, Breite], as editors write it
        schema: window.jsyaml.CORE_SCHEMA, forceQuotes: true, quotingType: "\"", lineWidth: -1, noRefs: true, flowLevel: 4
      });
      var kopf = SCHEMA[welche] ? "# yaml-language-server: $schema=" + SCHEMA[welche] + "\n" : "";
      return kopf + yaml;
    }
  });

  // --- the map widget -----------------------------------------------------------------------------

  function zahl(wert) { return Number(wert.toFixed(6)); }  // about 10 cm, as the drawing page writes it
  function position(p) { return [zahl(p.lng), zahl(p.lat)]; }

  function geojson(layer) {
    if (layer instanceof window.L.Marker) { return { type: "Point", coordinates: position(layer.getLatLng()) }; }
    if (layer instanceof window.L.Polygon) {
      var ring = layer.getLatLngs()[0].map(position);
      ring.push(ring[0]);  // GeoJSON closes a ring with its first point
      return { type: "Polygon", coordinates: [ring] };
    }
    return { type: "LineString", coordinates: layer.getLatLngs().map(position) };
  }

  function alsLayer(geometrie) {
    var L = window.L;
    function ll(p) { return [p[1], p[0]]; }
    if (geometrie.type === "Point") { return L.marker(ll(geometrie.coordinates)); }
    if (geometrie.type === "LineString") { return L.polyline(geometrie.coordinates.map(ll)); }
    if (geometrie.type === "Polygon") { return L.polygon(geometrie.coordinates[0].slice(0, -1).map(ll)); }
    return null;
  }

  function deutsch(L) {
    L.drawLocal.draw.toolbar.buttons = { polyline: "Linie zeichnen", polygon: "Fläche zeichnen",
      marker: "Punkt setzen", rectangle: "", circle: "", circlemarker: "" };
    L.drawLocal.draw.toolbar.actions = { title: "Zeichnen abbrechen", text: "Abbrechen" };
    L.drawLocal.draw.toolbar.finish = { title: "Zeichnen beenden", text: "Fertig" };
    L.drawLocal.draw.toolbar.undo = { title: "Zuletzt gesetzten Punkt löschen", text: "Letzten Punkt löschen" };
    L.drawLocal.draw.handlers.marker.tooltip.start = "In die Karte klicken, um den Punkt zu setzen.";
    L.drawLocal.draw.handlers.polyline.tooltip = { start: "Klicken, um die Linie zu beginnen.",
      cont: "Klicken, um die Linie fortzusetzen.", end: "Auf den letzten Punkt klicken, um die Linie zu beenden." };
    L.drawLocal.draw.handlers.polygon.tooltip = { start: "Klicken, um die Fläche zu beginnen.",
      cont: "Klicken, um die Fläche fortzusetzen.", end: "Auf den ersten Punkt klicken, um die Fläche zu schließen." };
    L.drawLocal.edit.toolbar.buttons = { edit: "Gezeichnetes bearbeiten", editDisabled: "Nichts zu bearbeiten",
      remove: "Gezeichnetes löschen", removeDisabled: "Nichts zu löschen" };
    L.drawLocal.edit.toolbar.actions = { save: { title: "Änderungen übernehmen", text: "Übernehmen" },
      cancel: { title: "Bearbeiten abbrechen", text: "Abbrechen" }, clearAll: { title: "Alles löschen", text: "Alles löschen" } };
  }

  var LageControl = window.createClass({
    componentDidMount: function () {
      var L = window.L;
      if (!L || !L.Control || !L.Control.Draw || !window.ogiKarte || !this.flaeche) { return; }
      deutsch(L);
      var self = this;
      var karte = L.map(this.flaeche, { zoomControl: false, maxZoom: 19 });  // ogiKarte adds the German one
      window.ogiKarte(karte, KARTE);
      var gruppe = new L.FeatureGroup().addTo(karte);
      var linie = { color: "#0d47a1", weight: 5, opacity: 0.9 };
      karte.addControl(new L.Control.Draw({
        position: "topright",
        draw: { marker: {}, polyline: { shapeOptions: linie },
                polygon: { allowIntersection: false, showArea: false, shapeOptions: linie },
                rectangle: false, circle: false, circlemarker: false },
        edit: { featureGroup: gruppe }
      }));
      function melden() {
        var layers = gruppe.getLayers();
        self.props.onChange(layers.length ? JSON.stringify(geojson(layers[0])) : "");
      }
      karte.on(L.Draw.Event.CREATED, function (ereignis) {
        gruppe.clearLayers();
        gruppe.addLayer(ereignis.layer);
        melden();
      });
      karte.on(L.Draw.Event.EDITED + " " + L.Draw.Event.DELETED, melden);
      this.karte = karte;
      this.gruppe = gruppe;
      this.zeigen(this.props.value);
    },
    componentWillUnmount: function () {
      if (this.karte) { this.karte.remove(); }
    },
    zeigen: function (wert) {
      if (!this.gruppe) { return; }
      var geometrie = null;
      try { geometrie = wert ? JSON.parse(wert) : null; } catch (e) { geometrie = null; }
      this.gruppe.clearLayers();
      var layer = geometrie && alsLayer(geometrie);
      if (layer) {
        this.gruppe.addLayer(layer);
        if (layer.getBounds) { this.karte.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [20, 20] }); }
        else { this.karte.setView(layer.getLatLng(), 15); }
      }
    },
    render: function () {
      var self = this;
      var id = this.props.forID;
      return h("div", { className: "ogi-lage " + (this.props.classNameWrapper || "") },
        h("div", { className: "ogi-lage__karte", role: "region", "aria-label": "Karte zum Zeichnen der Lage",
                   ref: function (el) { self.flaeche = el; } }),
        h("p", { className: "ogi-lage__hilfe" }, "Die Werkzeuge oben rechts: Punkt setzen, Linie zeichnen, Fläche " +
          "zeichnen, Gezeichnetes bearbeiten oder löschen. Die Grundkarte zeigt die Grenzen der Kommunen."),
        h("label", { htmlFor: id, className: "ogi-lage__label" },
          "Geometrie als GeoJSON, Koordinaten als [Länge, Breite] (entsteht beim Zeichnen)"),
        h("textarea", { id: id, className: "ogi-lage__text", rows: 3, spellCheck: false, value: this.props.value || "",
                        onChange: function (e) { self.props.onChange(e.target.value); self.zeigen(e.target.value); } }));
    }
  });

  CMS.registerWidget("ogi-lage", LageControl);
  CMS.init();
})();
