// Enhances the report form: a map to drop a pin, "use my location", and only the chosen
// category's extra questions. Without this script the form still works (kelurahan + address).
(function () {
  document.documentElement.classList.add('js');
  var el = document.getElementById('pick-map');
  var lat = document.getElementById('lat'), lon = document.getElementById('lon');
  var kel = document.getElementById('kelurahanCode');
  var status = document.getElementById('location-status');

  function showQuestions() {
    var checked = document.querySelector('input[name=categoryId]:checked');
    document.querySelectorAll('[data-for-category]').forEach(function (fs) {
      fs.hidden = !checked || fs.getAttribute('data-for-category') !== checked.value;
      fs.disabled = fs.hidden; // a hidden category's answers are not sent (question codes repeat across categories)
    });
  }
  // Similar open reports near the chosen point: offered before the citizen writes a duplicate.
  var live = document.getElementById('nearby-live');
  function checkNearby() {
    var checked = document.querySelector('input[name=categoryId]:checked');
    if (!live || !checked || !lat.value) return;
    var url = live.getAttribute('data-source') + '?categoryId=' + encodeURIComponent(checked.value) +
      '&lat=' + encodeURIComponent(lat.value) + '&lon=' + encodeURIComponent(lon.value);
    fetch(url, { headers: { 'Accept': 'text/html' } }).then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) { live.innerHTML = html; live.className = html.trim() ? 'card warning' : ''; })
      .catch(function () {});
  }
  document.querySelectorAll('input[name=categoryId]').forEach(function (r) {
    r.addEventListener('change', showQuestions);
    r.addEventListener('change', checkNearby);
  });
  showQuestions();

  if (!el || typeof L === 'undefined') return;
  var start = lat.value ? [parseFloat(lat.value), parseFloat(lon.value)]
                        : [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
  var map = L.map(el).setView(start, lat.value ? 16 : 13);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    { maxZoom: 19, attribution: '&copy; OpenStreetMap' }).addTo(map);
  fetch(el.dataset.boundaries).then(function (r) { return r.json(); }).then(function (g) {
    L.geoJSON(g, { style: { weight: 1, color: '#0b5e55', fillOpacity: 0.03 } }).addTo(map);
  }).catch(function () {});
  var marker = null;
  function place(latlng) {
    if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng, { keyboard: true }).addTo(map);
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    if (kel) kel.value = '';
    status.textContent = lat.value + ', ' + lon.value;
    checkNearby();
  }
  if (lat.value) place(L.latLng(start[0], start[1]));
  map.on('click', function (e) { place(e.latlng); });
  var mine = document.getElementById('use-my-location');
  mine.addEventListener('click', function () {
    if (!navigator.geolocation) { status.textContent = '—'; return; }
    status.textContent = '…';
    navigator.geolocation.getCurrentPosition(function (p) {
      var ll = L.latLng(p.coords.latitude, p.coords.longitude);
      place(ll); map.setView(ll, 17);
    }, function () { status.textContent = '✕'; }, { enableHighAccuracy: true, timeout: 15000 });
  });
})();
