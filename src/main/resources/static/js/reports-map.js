// The public map: asks the server for the reports in view, already grouped into cells for the
// zoom level, and draws one marker per cell (a number when it holds several reports).
(function () {
  document.documentElement.classList.add('js');
  var el = document.getElementById('reports-map');
  if (!el || typeof L === 'undefined') return;
  var map = L.map(el).setView([parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)], 13);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    { maxZoom: 19, attribution: '&copy; OpenStreetMap' }).addTo(map);
  fetch(el.dataset.boundaries).then(function (r) { return r.json(); }).then(function (g) {
    var city = L.geoJSON(g, { style: { weight: 1, color: '#0b5e55', fillOpacity: 0.03 },
      onEachFeature: function (f, layer) {
        var name = document.createElement('span'); name.textContent = f.properties.name; layer.bindTooltip(name); } }).addTo(map);
    if (!moved && city.getBounds().isValid()) map.fitBounds(city.getBounds());
  }).catch(function () {});
  var layer = L.layerGroup().addTo(map);
  var moved = false;
  map.on('dragstart zoomstart', function () { moved = true; });
  var pending = null, last = null;
  // The box is widened to whole tiles of the zoom level (as the server does too): small pans ask for
  // the same URL, which the browser and the server have ready, and cells stay whole.
  function edge(v, tile, up) { return (up ? Math.ceil(v / tile) : Math.floor(v / tile)) * tile; }
  function load() {
    var b = map.getBounds(), z = map.getZoom(), tile = 360 / Math.pow(2, z);
    var box = [Math.max(-90, edge(b.getSouth(), tile, false)), Math.max(-180, edge(b.getWest(), tile, false)),
      Math.min(90, edge(b.getNorth(), tile, true)), Math.min(180, edge(b.getEast(), tile, true))];
    var url = el.dataset.source + (el.dataset.source.indexOf('?') < 0 ? '?' : '&') +
      'bbox=' + box.map(function (v) { return v.toFixed(6); }).join(',') + '&zoom=' + z;
    if (url === last) return;
    last = url;
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(url, { signal: pending.signal }).then(function (r) { return r.json(); }).then(function (data) {
      layer.clearLayers();
      data.features.forEach(function (f) {
        var c = f.geometry.coordinates, p = f.properties, ll = [c[1], c[0]];
        if (p.count > 1 || !p.code) {
          var size = 28 + Math.min(24, Math.round(Math.log(p.count) * 4));
          L.marker(ll, { icon: L.divIcon({ className: 'cluster', html: String(p.count), iconSize: [size, size] }),
            title: String(p.count), keyboard: true })
            .on('click', function () { map.setView(ll, Math.min(map.getZoom() + 2, 19)); }).addTo(layer);
        } else {
          var a = document.createElement('a');
          a.href = el.dataset.reportBase + p.code;
          a.textContent = p.category + ' · ' + p.code;
          L.marker(ll, { title: p.code, keyboard: true }).bindPopup(a).addTo(layer);
        }
      });
      el.setAttribute('data-loaded', String(data.features.length));
    }).catch(function () {});
  }
  map.on('moveend', load);
  load();
})();
