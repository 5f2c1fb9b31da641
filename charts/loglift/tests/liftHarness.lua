-- Runs files/lift.lua the way Fluent Bit 5.1.1's lua filter does (src/flb_lua.c), for tests:
-- reads a JSON array of {tag, sec, nsec, record} on stdin and prints one JSON line per call,
-- {code, timestamp, record, input}, packed back by Fluent Bit's rules.
-- Usage: luajit liftHarness.lua <lift.lua> [repeat]   (repeat > 0: time that many calls, round
-- robin over the input, and print {records, seconds} of CPU time instead)
local cjson = require('cjson')

-- enable_flb_null: JSON null is the global light userdata NULL, as cjson.null is.
flb_null = cjson.null
dofile(assert(arg[1], 'usage: luajit liftHarness.lua <lift.lua> [repeat]'))

local ARRAY, MAP = { type = 1 }, { type = 2 }

-- Fluent Bit marks each table with its msgpack type. cjson cannot tell an empty JSON array from
-- an empty object, so an empty one is marked as a map here (Fluent Bit knows; see the test).
local function mark(value)
  if type(value) ~= 'table' then return value end
  for key, item in pairs(value) do mark(item) end
  return setmetatable(value, value[1] ~= nil and ARRAY or MAP)
end

local function maxn(value)
  local max = 0
  for key in pairs(value) do
    if type(key) == 'number' and key > max then max = key end
  end
  return max
end

-- flb_lua_tomsgpack: the metatable's type decides, else a table with positive integer keys is
-- an array; an integral number is an int64, any other a double.
local function encode(value, out)
  local kind = type(value)
  if kind == 'string' then
    out[#out + 1] = cjson.encode(value)
  elseif kind == 'number' then
    local integral = value == math.floor(value) and math.abs(value) < 2 ^ 63
    out[#out + 1] = integral and string.format('%d', value) or string.format('%.17g', value)
  elseif kind == 'boolean' then
    out[#out + 1] = tostring(value)
  elseif kind == 'table' then
    local meta = getmetatable(value)
    local isArray
    if meta and meta.type then
      isArray = meta.type == 1
    else
      isArray = maxn(value) > 0
    end
    if isArray then
      out[#out + 1] = '['
      for index = 1, #value do
        if index > 1 then out[#out + 1] = ',' end
        encode(value[index], out)
      end
      out[#out + 1] = ']'
    else
      out[#out + 1] = '{'
      local first = true
      for key, item in pairs(value) do
        if not first then out[#out + 1] = ',' end
        first = false
        out[#out + 1] = cjson.encode(tostring(key))
        out[#out + 1] = ':'
        encode(item, out)
      end
      out[#out + 1] = '}'
    end
  elseif value == nil or value == flb_null then
    out[#out + 1] = 'null'
  else
    error('cannot pack a ' .. kind)
  end
end

local calls = cjson.decode(io.read('*a'))
local repeats = tonumber(arg[2] or '0')
if repeats > 0 then
  local records = {}
  for index, call in ipairs(calls) do records[index] = mark(call.record) end
  -- Warm up first, so the timed rounds run the compiled traces.
  for round = 1, math.min(repeats, 20000) do
    local call = calls[(round - 1) % #calls + 1]
    lift(call.tag, { sec = call.sec, nsec = call.nsec }, records[(round - 1) % #calls + 1])
  end
  local started = os.clock()
  for round = 1, repeats do
    local call = calls[(round - 1) % #calls + 1]
    lift(call.tag, { sec = call.sec, nsec = call.nsec }, records[(round - 1) % #calls + 1])
  end
  io.write(string.format('{"records":%d,"seconds":%.6f}\n', repeats, os.clock() - started))
  return
end
for _, call in ipairs(calls) do
  local input = mark(call.record)
  local code, timestamp, record = lift(call.tag, { sec = call.sec, nsec = call.nsec }, input)
  local out = {}
  -- input: the table Fluent Bit passed in, as it is after the call.
  encode({ code = code, timestamp = timestamp, record = record, input = input }, out)
  io.write(table.concat(out), '\n')
end
