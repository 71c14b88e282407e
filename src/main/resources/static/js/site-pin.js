// Tap the map to set an item's point; the latitude and longitude fields work without it.
(function () {
  document.documentElement.classList.add('js');
  var el = document.getElementById('pin-map');
  if (!el || typeof L === 'undefined') return;
  var lat = document.getElementById('lat'), lon = document.getElementById('lon');
  var ll = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
  var map = L.map(el, { scrollWheelZoom: false }).setView(ll, 15);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    { maxZoom: 19, attribution: '&copy; OpenStreetMap' }).addTo(map);
  var marker = el.dataset.set === 'true' ? L.marker(ll).addTo(map) : null;
  map.on('click', function (e) {
    if (marker) marker.setLatLng(e.latlng); else marker = L.marker(e.latlng).addTo(map);
    lat.value = e.latlng.lat.toFixed(6);
    lon.value = e.latlng.lng.toFixed(6);
  });
})();
