-- POSTs a JSON body per request for a random (or, with mode=sequential, the next) synthetic account.
-- Arguments after `--`: path kind accounts threads connections [mode] [ratePerSecond]
--   kind: limit-check | hold     accounts: ids acc-000001 .. acc-<accounts>
--   threads, connections: the same numbers as wrk's -t and -c (wrk does not tell a script)
--   mode: random (default) | sequential (each thread walks its own share of the ids, round and round)
--   ratePerSecond: when set (> 0), each connection paces itself so that all together offer about this
--   rate (pacing starts after each response, so the achieved rate is a little lower; the report says it).
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
local report = require("report")

local threads = {}
local counter = 1

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local path, kind, accounts, mode, pacingMillis, firstId, nextId, lastId

local function accountId()
  if mode == "sequential" then
    local id = nextId
    nextId = nextId < lastId and nextId + 1 or firstId
    return id
  end
  return math.random(1, accounts)
end

function init(args)
  path, kind, accounts = args[1], args[2], tonumber(args[3])
  local threadCount, connections = tonumber(args[4]), tonumber(args[5])
  mode = args[6] or "random"
  local rate = tonumber(args[7] or "0")
  if rate > 0 then
    pacingMillis = 1000 * connections / rate
  end
  local share = math.ceil(accounts / threadCount)
  firstId = (index - 1) * share + 1
  nextId = firstId
  lastId = math.min(index * share, accounts)
  math.randomseed(index * 7919 + os.time())
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local id = string.format("acc-%06d", accountId())
  local body
  if kind == "hold" then
    -- 600 s: longer than a warm-up (at most MAX_WARMUP_SECONDS) and the run together, so no hold expires, and no
    -- expiry write competes, while holds are measured
    body = '{"accountId":"' .. id .. '","amount":100,"ttlSeconds":600}'
  else
    body = '{"accountId":"' .. id .. '","amount":15000}'
  end
  return wrk.format(nil, path, nil, body)
end

-- Pacing: wrk waits delay() milliseconds (whole numbers) after a response; the fraction is dithered.
function delay()
  if not pacingMillis then return 0 end
  local whole = math.floor(pacingMillis)
  return whole + ((math.random() < pacingMillis - whole) and 1 or 0)
end

done = report.done
