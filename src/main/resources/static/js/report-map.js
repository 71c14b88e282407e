// A small map with the report's point. The page reads fine without it.
(function () {
  document.documentElement.classList.add('js');
  var el = document.getElementById('report-map');
  if (!el || typeof L === 'undefined') return;
  var ll = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
  var map = L.map(el, { scrollWheelZoom: false }).setView(ll, 16);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    { maxZoom: 19, attribution: '&copy; OpenStreetMap' }).addTo(map);
  L.marker(ll).addTo(map);
})();
