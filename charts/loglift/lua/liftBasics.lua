-- The lift for Fluent Bit's lua filter (LuaJIT 2.1): the same document as liftRecord of
-- @loglift/log-schema, case for case (the case table of log-schema tests both). These files are
-- not loaded on their own: scripts/generateLift.ts prepends the contract's tables as the local
-- LIFT and joins them, in the order of ENGINE_FILES, into files/lift.lua, the file the chart ships.
-- This part: record access (paths, copies) shared by the others.
--
-- Fluent Bit hands records over as Lua tables whose metatable says {type = 1} for an array and
-- {type = 2} for a map, and packs tables back by that type, so copies keep their metatable.
-- Numbers are doubles; one that is integral is packed back as an integer. With enable_flb_null,
-- JSON null is the light userdata flb_null and goes back as null.

local byte, find, format, lower, match, sub, upper = string.byte, string.find, string.format, string.lower,
  string.match, string.sub, string.upper
local floor, huge = math.floor, math.huge
local NULL = rawget(_G, 'flb_null')
local ARRAY, MAP = 1, 2
local MAX_SAFE_INTEGER = 9007199254740991

local function splitDots(path)
  local parts, from = {}, 1
  while true do
    local dot = find(path, '.', from, true)
    if not dot then
      parts[#parts + 1] = sub(path, from)
      return parts
    end
    parts[#parts + 1] = sub(path, from, dot - 1)
    from = dot + 1
  end
end

local function isArray(value)
  local meta = getmetatable(value)
  if type(meta) == 'table' and meta.type ~= nil then return meta.type == ARRAY end
  return rawget(value, 1) ~= nil
end

local function isObject(value)
  return type(value) == 'table' and not isArray(value)
end

local function shallowCopy(value)
  local copy = {}
  for key, item in pairs(value) do copy[key] = item end
  return setmetatable(copy, getmetatable(value))
end

-- lookupPath: a dotted path where any run of segments may also be one literal dotted key.
local function walk(node, parts, from)
  local count = #parts
  if from > count then
    if node == NULL then return nil end
    return node
  end
  if type(node) ~= 'table' or isArray(node) then return nil end
  local key
  for to = from, count do
    key = to == from and parts[to] or key .. '.' .. parts[to]
    local child = node[key]
    if child ~= nil then
      local found = walk(child, parts, to + 1)
      if found ~= nil then return found end
    end
  end
  return nil
end

local function has(doc, parts)
  return walk(doc, parts, 1) ~= nil
end

local function setPath(target, parts, value)
  local node = target
  for index = 1, #parts - 1 do
    local part = parts[index]
    local child = node[part]
    if not isObject(child) then
      child = {}
      node[part] = child
    end
    node = child
  end
  node[parts[#parts]] = value
end

local function isFinite(number)
  return number == number and number ~= huge and number ~= -huge
end
