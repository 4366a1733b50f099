/* The preview page "Lage zeichnen" (ogi.lage_zeichnen, only in `make serve`): a point, line or area drawn with
   Leaflet.draw on the site's own base map (karte.js) becomes the `lage:` block of a measure, coordinates as
   [Länge, Breite] rounded to 6 decimals (about 10 cm), an area's ring closed, as `make check` expects. */
(function () {
  "use strict";
  var div = document.getElementById("ogi-zeichnen-karte");
  if (!div || !window.L || !L.Control.Draw || !window.ogiKarte) { return; }
  var ausgabe = document.getElementById("ogi-zeichnen-yaml");
  var knopf = document.getElementById("ogi-zeichnen-kopieren");
  var status = document.getElementById("ogi-zeichnen-status");
  var form = document.getElementById("ogi-zeichnen-form");

  L.drawLocal = {
    draw: {
      toolbar: {
        actions: { title: "Zeichnen abbrechen", text: "Abbrechen" },
        finish: { title: "Zeichnen beenden", text: "Fertig" },
        undo: { title: "Zuletzt gesetzten Punkt löschen", text: "Letzten Punkt löschen" },
        buttons: { polyline: "Linie zeichnen", polygon: "Fläche zeichnen", rectangle: "Rechteck zeichnen",
                   circle: "Kreis zeichnen", marker: "Punkt setzen", circlemarker: "Kreismarkierung setzen" }
      },
      handlers: {
        circle: { tooltip: { start: "Klicken und ziehen, um einen Kreis zu zeichnen." }, radius: "Radius" },
        circlemarker: { tooltip: { start: "In die Karte klicken, um die Markierung zu setzen." } },
        marker: { tooltip: { start: "In die Karte klicken, um den Punkt zu setzen." } },
        polygon: { tooltip: { start: "Klicken, um die Fläche zu beginnen.",
                              cont: "Klicken, um die Fläche fortzusetzen.",
                              end: "Auf den ersten Punkt klicken, um die Fläche zu schließen." } },
        polyline: { error: "<strong>Fehler:</strong> Kanten dürfen sich nicht kreuzen.",
                    tooltip: { start: "Klicken, um die Linie zu beginnen.", cont: "Klicken, um die Linie fortzusetzen.",
                               end: "Auf den letzten Punkt klicken, um die Linie zu beenden." } },
        rectangle: { tooltip: { start: "Klicken und ziehen, um ein Rechteck zu zeichnen." } },
        simpleshape: { tooltip: { end: "Maustaste loslassen, um das Zeichnen zu beenden." } }
      }
    },
    edit: {
      toolbar: {
        actions: {
          save: { title: "Änderungen übernehmen", text: "Übernehmen" },
          cancel: { title: "Bearbeiten abbrechen, Änderungen verwerfen", text: "Abbrechen" },
          clearAll: { title: "Alles löschen", text: "Alles löschen" }
        },
        buttons: { edit: "Gezeichnetes bearbeiten", editDisabled: "Nichts zu bearbeiten",
                   remove: "Gezeichnetes löschen", removeDisabled: "Nichts zu löschen" }
      },
      handlers: {
        edit: { tooltip: { text: "Punkte ziehen, um die Form zu ändern.",
                           subtext: "„Abbrechen“ verwirft die Änderungen." } },
        remove: { tooltip: { text: "Auf eine Form klicken, um sie zu löschen." } }
      }
    }
  };

  var karte = L.map(div, { zoomControl: false, maxZoom: 19 });
  window.ogiKarte(karte, JSON.parse(div.getAttribute("data-optionen")));
  var gezeichnet = new L.FeatureGroup().addTo(karte);
  var linie = { color: "#0d47a1", weight: 5, opacity: 0.9 };
  karte.addControl(new L.Control.Draw({
    position: "topright",
    draw: {
      marker: {}, polyline: { shapeOptions: linie },
      polygon: { allowIntersection: false, showArea: false, shapeOptions: linie },
      rectangle: false, circle: false, circlemarker: false
    },
    edit: { featureGroup: gezeichnet }
  }));

  // Leaflet makes every marker a focusable button; Leaflet.draw's helper markers (the point under the mouse, the
  // corners of a shape) come without a name, which screen readers would announce as "button" only.
  karte.on("layeradd", function (ereignis) {
    var el = ereignis.layer.getElement ? ereignis.layer.getElement() : null;
    if (!el || el.getAttribute("role") !== "button" || el.title || el.getAttribute("aria-label")) { return; }
    el.setAttribute("aria-label", el.classList.contains("leaflet-mouse-marker") ? "Zeichenfläche: hier klicken"
      : el.classList.contains("leaflet-editing-icon") ? "Eckpunkt der Zeichnung" : "Gezeichneter Punkt");
  });

  function zahl(wert) {
    return String(Number(wert.toFixed(6)));  // 6 decimals; no trailing zeros, never exponent notation here
  }

  function position(latlng) {
    return "[" + zahl(latlng.lng) + ", " + zahl(latlng.lat) + "]";
  }

  function genauigkeit() {
    var gewaehlt = form.querySelector("input[name=genauigkeit]:checked");
    return gewaehlt ? gewaehlt.value : "exakt";
  }

  // The YAML block of one drawn shape; the first layer of the group is the one (a new drawing replaces the old).
  function yaml(layer) {
    var zeilen = ["lage:", "  genauigkeit: " + genauigkeit(), "  # ort: \"Straße und Stadtteil in Worten\"",
                  "  geometrie:"];
    if (layer instanceof L.Marker) {
      zeilen.push("    type: Point", "    coordinates: " + position(layer.getLatLng()));
      if (genauigkeit() === "ungefähr") { zeilen.push("  # radius_m: 250   # Umkreis in Metern, 10 bis 5000"); }
    } else if (layer instanceof L.Polygon) {
      var ring = layer.getLatLngs()[0].slice();
      ring.push(ring[0]);  // GeoJSON closes a ring with its first point
      zeilen.push("    type: Polygon", "    coordinates:");
      ring.forEach(function (p, i) { zeilen.push((i === 0 ? "      - - " : "        - ") + position(p)); });
    } else {
      zeilen.push("    type: LineString", "    coordinates:");
      layer.getLatLngs().forEach(function (p) { zeilen.push("      - " + position(p)); });
    }
    return zeilen.join("\n") + "\n";
  }

  function zeigen() {
    var layers = gezeichnet.getLayers();
    knopf.disabled = layers.length === 0;
    ausgabe.value = layers.length ? yaml(layers[0]) : "Noch nichts gezeichnet.";
    status.textContent = "";
  }

  karte.on(L.Draw.Event.CREATED, function (ereignis) {
    gezeichnet.clearLayers();
    gezeichnet.addLayer(ereignis.layer);
    zeigen();
  });
  karte.on(L.Draw.Event.EDITED + " " + L.Draw.Event.DELETED, zeigen);
  form.addEventListener("change", zeigen);

  var KOPIERT = "Kopiert. Jetzt in die Datei der Maßnahme einfügen.";
  var VON_HAND = "Kopieren nicht möglich: den markierten Text mit Strg+C kopieren.";
  knopf.addEventListener("click", function () {
    ausgabe.select();
    if (navigator.clipboard && window.isSecureContext) {  // 127.0.0.1 counts as secure
      navigator.clipboard.writeText(ausgabe.value).then(function () { status.textContent = KOPIERT; },
                                                        function () { status.textContent = VON_HAND; });
    } else {
      status.textContent = document.execCommand("copy") ? KOPIERT : VON_HAND;
    }
  });
})();
