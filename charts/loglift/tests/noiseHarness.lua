-- Runs container log lines through the chart's filters the way Fluent Bit 5.1.1 does, for tests:
-- the noise select filter, the lift, then the noise limit filter, each in its own environment as
-- each lua filter has its own Lua state. Reads {lines: [{tag, sec, nsec, now, record}]} on stdin
-- and prints one JSON line per input line: {dropped = "select" | "probe"} or {records = [...]},
-- the records the limit filter let out (a marked one is still among them: the grep filter after
-- it drops those). `now` is what the noise filter's clock answers for that line.
-- Usage: luajit noiseHarness.lua <lift.lua> <noise.lua as the ConfigMap ships it>
local cjson = require('cjson')
flb_null = cjson.null
local codec = dofile((string.match(arg[0], '^(.*/)') or './') .. 'luaCodec.lua')
local mark, encode = codec.mark, codec.encode

local function instance(path)
  local env = setmetatable({}, { __index = _G })
  local chunk = assert(loadfile(path))
  setfenv(chunk, env)
  chunk()
  return env
end

local lift = instance(assert(arg[1], 'usage: luajit noiseHarness.lua <lift.lua> <noise.lua>'))
local select = instance(assert(arg[2], 'usage: luajit noiseHarness.lua <lift.lua> <noise.lua>'))
local limit = instance(arg[2])
local now = 0
limit.LOGLIFT_NOISE_CLOCK = function() return now end

local input = cjson.decode(io.read('*a'))
for _, line in ipairs(input.lines) do
  now = line.now
  local timestamp = { sec = line.sec, nsec = line.nsec }
  local record = mark(line.record)
  local result
  local code = select.select_record(line.tag, timestamp, record)
  if code == -1 then
    result = { dropped = 'select' }
  else
    local _, liftedTime, doc = lift.lift(line.tag, timestamp, record)
    local limitCode, _, out = limit.limit_record(line.tag, liftedTime, doc)
    if limitCode == -1 then
      result = { dropped = 'probe' }
    elseif limitCode == 0 then
      result = { records = setmetatable({ doc }, { type = 1 }) }
    elseif out[1] ~= nil then
      result = { records = setmetatable(out, { type = 1 }) }
    else
      result = { records = setmetatable({ out }, { type = 1 }) }
    end
  end
  local text = {}
  encode(result, text)
  io.write(table.concat(text), '\n')
end
