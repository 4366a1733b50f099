/* Before Decap CMS loads: it is to wait until formulare.js has registered the record format and the map widget. */
window.CMS_MANUAL_INIT = true;
