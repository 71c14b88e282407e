-- wrk script: citizens submitting reports through the real form (POST /laporan/baru, multipart).
--
-- Each wrk thread is one browser session: bench/run fetched GET /laporan/baru once per thread and
-- wrote "JSESSIONID csrf-token" lines to $BENCH_TOKENS. All connections of a thread share that
-- session and token (Spring Security keeps one CSRF token per session; its masked copies all verify).
-- Every request carries a new submissionKey (UUID-shaped, as the form's own) and the reference
-- $BENCH_PREFIX-t<thread>-<counter> at the end of its description, by which bench/run counts the rows.
-- Points come from $BENCH_POINTS ("lat lon" per line, kelurahan centroids); the category is
-- $BENCH_CATEGORY; $BENCH_PHOTO, when set, is a JPEG file attached as the photo (else an empty file
-- part is sent, as a browser does when no file is chosen).
-- done() prints one "RESULT key=value ..." line for bench/run.

local threads = {}

local function read_lines(path)
  local t = {}
  for l in io.lines(path) do
    if l:match("%S") then t[#t + 1] = l end
  end
  return t
end

function setup(thread)
  local tokens = read_lines(os.getenv("BENCH_TOKENS"))
  local i = #threads + 1
  local cookie, csrf = tokens[i]:match("^(%S+)%s+(%S+)$")
  assert(cookie and csrf, "no session/token for thread " .. i .. " in " .. os.getenv("BENCH_TOKENS"))
  thread:set("tid", i)
  thread:set("cookie", cookie)
  thread:set("csrf", csrf)
  threads[i] = thread
end

local boundary = "----BalaiBench0d6c1f7e2a9b4c3d"
local points, prefix, category, head, tail, hdrs

local function part(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end

function init(args)
  points = {}
  for _, l in ipairs(read_lines(os.getenv("BENCH_POINTS"))) do
    local lat, lon = l:match("^(%S+)%s+(%S+)")
    points[#points + 1] = { lat, lon }
  end
  prefix = os.getenv("BENCH_PREFIX")
  phase = 0 -- the phase's own number in every key, so that keys of different phases never meet
  for c in prefix:gmatch(".") do phase = (phase * 31 + c:byte()) % 0x7fffffff end
  math.randomseed(phase + tid)
  category = os.getenv("BENCH_CATEGORY")
  local photo = ""
  local filename = ""
  local path = os.getenv("BENCH_PHOTO")
  if path and path ~= "" then
    local f = assert(io.open(path, "rb"))
    photo = f:read("*a")
    f:close()
    filename = "foto-jalan.jpg"
  end
  head = part("_csrf", csrf)
  tail = part("confirmNew", "true")
      .. "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"" .. filename
      .. "\"\r\nContent-Type: " .. (photo ~= "" and "image/jpeg" or "application/octet-stream") .. "\r\n\r\n"
      .. photo .. "\r\n--" .. boundary .. "--\r\n"
  hdrs = {
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
    ["Cookie"] = "JSESSIONID=" .. cookie,
  }
  sent, answered, n302, nother, others = 0, 0, 0, 0, ""
end

function request()
  sent = sent + 1
  local ref = string.format("%s-t%d-%08d", prefix, tid, sent)
  -- the form takes only keys shaped like the ones it makes (random UUIDs); the phase is in the description
  local key = string.format("%08x-%04x-4%03x-8%03x-%012x", phase, tid, math.random(0, 0xfff), math.random(0, 0xfff), sent)
  local p = points[(sent + tid) % #points + 1]
  local body = head
      .. part("submissionKey", key)
      .. part("categoryId", category)
      .. part("description", "Sampah menumpuk di pinggir jalan dekat pasar, sudah tiga hari belum diangkut. Ref " .. ref .. ".")
      .. part("lat", p[1])
      .. part("lon", p[2])
      .. tail
  return wrk.format("POST", "/laporan/baru", hdrs, body)
end

function response(status, headers, body)
  answered = answered + 1
  if status == 302 then
    n302 = n302 + 1
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
    ok = ok + t:get("n302")
    bad = bad + t:get("nother")
    codes = codes .. (t:get("others") or "")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f sent=%d answered=%d n302=%d nother=%d other_codes=%s err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    s, a, ok, bad, (codes == "" and "-" or codes), e.connect, e.read, e.write, e.status, e.timeout))
end
