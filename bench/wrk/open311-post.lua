-- wrk script: a partner system filing reports through Open311 (POST /open311/v2/requests.json,
-- application/x-www-form-urlencoded, as FixMyStreet and civic apps send them) with the bench's API key
-- $BENCH_KEY (its limit set beyond what the bench can reach). Category $BENCH_SERVICE (no extra
-- questions), a kelurahan centroid from $BENCH_POINTS per request, a description that names the
-- request. done() prints one "RESULT key=value ..." line for bench/run, with the 200 answers counted.

local threads = {}

function setup(thread)
  local i = #threads + 1
  thread:set("tid", i)
  threads[i] = thread
end

local points, key, service, hdrs

local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  points = {}
  for l in io.lines(os.getenv("BENCH_POINTS")) do
    local lat, lon = l:match("^(%S+)%s+(%S+)")
    if lat then points[#points + 1] = { lat, lon } end
  end
  key = enc(os.getenv("BENCH_KEY"))
  service = enc(os.getenv("BENCH_SERVICE"))
  hdrs = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  sent, answered, n200, nother, others = 0, 0, 0, 0, ""
end

function request()
  sent = sent + 1
  local p = points[(sent + tid) % #points + 1]
  local body = "api_key=" .. key .. "&service_code=" .. service .. "&lat=" .. p[1] .. "&long=" .. p[2]
      .. "&description=" .. enc(string.format("Sampah menumpuk di pinggir jalan dekat pasar, belum diangkut. Mitra t%d-%d", tid, sent))
      .. "&account_id=bench-" .. tid
  return wrk.format("POST", "/open311/v2/requests.json", hdrs, body)
end

function response(status, headers, body)
  answered = answered + 1
  if status == 200 then
    n200 = n200 + 1
  else
    nother = nother + 1
    if #others < 200 then others = others .. status .. "," end
  end
end

function done(summary, latency, requests)
  local s, a, ok, bad, codes = 0, 0, 0, 0, ""
  for _, t in ipairs(threads) do
    s = s + t:get("sent")
    a = a + t:get("answered")
    ok = ok + t:get("n200")
    bad = bad + t:get("nother")
    codes = codes .. (t:get("others") or "")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f sent=%d answered=%d n200=%d nother=%d other_codes=%s err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    s, a, ok, bad, (codes == "" and "-" or codes), e.connect, e.read, e.write, e.status, e.timeout))
end
