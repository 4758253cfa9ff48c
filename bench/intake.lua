-- wrk script: POST /api/v1/submissions with a fresh valid national code per request
-- (so most requests register a new case), every 4th request repeating a recent one (a duplicate).
-- Texts are one of five matters worded with a random place and closing, so that no two requests send
-- the same text (nothing in the gateway may profit from caching a text it saw before).
local counter = 0
local thread_id = 0
local recent = {}
local slot = 0
local filled = 0
local texts = {
  "یارانه ام دو ماهه واریز نشده",
  "قبض آب این ماه خیلی زیاد آمده",
  "حقوق بازنشستگی پدرم پرداخت نشده",
  "آب محله ما سه روز است قطع است",
  "وام ازدواج من هنوز پرداخت نشده",
}

local places = {"خیابان", "کوچه", "محله", "بلوار", "شهرک", "روستای", "میدان", "کوی"}
local closings = {"لطفا رسیدگی کنید", "ممنون", "خواهشمندم پیگیری کنید", "چند بار تماس گرفتم", "فوری است",
  "کسی جواب نمیده", "با تشکر", "خسته شدیم"}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

local function national_code(n)
  local nine = string.format("%09d", n % 1000000000)
  local s = 0
  for i = 1, 9 do s = s + tonumber(nine:sub(i, i)) * (11 - i) end
  s = s % 11
  local check = s < 2 and s or 11 - s
  return nine .. tostring(check)
end

function init(args)
  math.randomseed(os.time() + (tid or 1) * 7919)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("DARGAH_BENCH_KEY")
end

function request()
  counter = counter + 1
  local code
  if counter % 4 == 0 and filled > 0 then
    code = recent[math.random(filled)]
  else
    code = national_code(math.random(1000000, 999999999) + (tid or 1))
    slot = (slot % 50) + 1
    recent[slot] = code
    if filled < 50 then filled = filled + 1 end
  end
  local text = texts[(tonumber(code:sub(1, 3)) % #texts) + 1] .. " " .. places[math.random(#places)] .. " "
    .. math.random(1, 99999) .. " " .. closings[math.random(#closings)]
  local body = string.format('{"channel":"sms","caller":{"national_code":"%s","phone":"09121234567"},"text":"%s"}', code, text)
  return wrk.format(nil, "/api/v1/submissions", nil, body)
end

local errors = 0
function response(status, headers, body)
  if status ~= 200 and status ~= 201 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("LATENCY p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("STATUS non2xx=%d socket_errors=%d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
