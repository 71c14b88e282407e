// The site's places on a map; the page lists them too, so it reads fine without this.
(function () {
  document.documentElement.classList.add('js');
  var el = document.getElementById('site-map');
  if (!el || typeof L === 'undefined') return;
  var map = L.map(el).setView([parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)], 14);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    { maxZoom: 19, attribution: '&copy; OpenStreetMap' }).addTo(map);
  fetch(el.dataset.source).then(function (r) { return r.json(); }).then(function (data) {
    var bounds = [];
    data.features.forEach(function (f) {
      var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
      var link = document.createElement('a');
      link.href = f.properties.url;
      link.textContent = f.properties.title; // text, never HTML: titles are typed by editors
      L.marker(ll, { title: f.properties.title, alt: f.properties.title }).bindPopup(link).addTo(map);
      bounds.push(ll);
    });
    if (bounds.length > 1) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16 });
    else if (bounds.length === 1) map.setView(bounds[0], 16);
  });
})();
