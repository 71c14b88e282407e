-- wrk script: map data requests (GET /laporan/peta.json) for the box $BENCH_BBOX ("s,w,n,e") at zoom
-- $BENCH_ZOOM, each request moved by up to ±2 % of the box's size, as different screens and small pans
-- ask, widened to whole tiles as the page does. The app keeps map answers for visitors who are not
-- logged in (PublicPageCache), so after the first request per box this measures kept answers.
-- Accept-Encoding: gzip is set by bench/run with -H. done() prints one "RESULT key=value ..." line.

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

local s, w, n, e, zoom

function init(args)
  s, w, n, e = os.getenv("BENCH_BBOX"):match("^([^,]+),([^,]+),([^,]+),([^,]+)$")
  s, w, n, e = tonumber(s), tonumber(w), tonumber(n), tonumber(e)
  zoom = os.getenv("BENCH_ZOOM")
  math.randomseed(20261123 + seed)
end

-- The map page widens its box to whole tiles of the zoom level before asking (static/js/reports-map.js):
-- the same here, so the URLs are the ones real map pages send for these screens.
local function edge(v, tile, up)
  if up then return math.ceil(v / tile) * tile end
  return math.floor(v / tile) * tile
end

function request()
  local dy = (n - s) * 0.02 * (2 * math.random() - 1)
  local dx = (e - w) * 0.02 * (2 * math.random() - 1)
  local tile = 360 / 2 ^ tonumber(zoom)
  return wrk.format("GET", string.format("/laporan/peta.json?bbox=%.6f,%.6f,%.6f,%.6f&zoom=%s",
      edge(s + dy, tile, false), edge(w + dx, tile, false), edge(n + dy, tile, true), edge(e + dx, tile, true), zoom))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f bytes=%d err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.bytes, e.connect, e.read, e.write, e.status, e.timeout))
end
