-- Noise control for Fluent Bit's lua filter (LuaJIT 2.1): which namespaces and containers are
-- shipped, probe request lines dropped, and a rate limit per namespace (Fluent Bit's throttle
-- filter limits a whole match, not each key). scripts/generateLift.ts prepends the contract's
-- field names as the local NOISE_FIELDS and writes files/noise.lua; the chart's ConfigMap puts
-- the settings from values.yaml in front of it as the global LOGLIFT_NOISE.
--
-- Two filters load this script, each in its own Lua state:
--   select_record (first filter, before the kubernetes filter): namespace include/exclude and
--     container exclusion from the tag, so excluded lines cost no metadata lookup;
--   limit_record (after the lift, on stored documents): probe lines, then the rate limit. A line
--     over the limit is not dropped here but marked with MARK_KEY = <namespace>: the
--     log_to_metrics filter after this one counts marked lines per namespace and a grep filter
--     then drops them. Every summaryIntervalSeconds a summary document per namespace that lost
--     lines is added beside the record being processed (Fluent Bit's lua filter packs a returned
--     array as several records; code 2 keeps the record's own time).

local SETTINGS = LOGLIFT_NOISE or error('LOGLIFT_NOISE settings are not defined', 0)
local MARK_KEY = 'loglift_rate_limited'
local find, format, gsub, sub = string.find, string.format, string.gsub, string.sub
local floor = math.floor

-- Seconds since the epoch. Tests set LOGLIFT_NOISE_CLOCK to a function of their own.
local function clock()
  local injected = LOGLIFT_NOISE_CLOCK
  if injected then return injected() end
  return os.time()
end

-- A glob (* any run of characters, ? one character) as an anchored Lua pattern.
local function globPattern(glob)
  local escaped = gsub(glob, '[%^%$%(%)%%%.%[%]%+%-]', '%%%0')
  escaped = gsub(escaped, '%*', '.*')
  escaped = gsub(escaped, '%?', '.')
  return '^' .. escaped .. '$'
end

local function matcher(globs)
  local exact, patterns = {}, {}
  for _, glob in ipairs(globs or {}) do
    if find(glob, '[%*%?]') then
      patterns[#patterns + 1] = globPattern(glob)
    else
      exact[glob] = true
    end
  end
  local empty = next(exact) == nil and #patterns == 0
  return function(name)
    if exact[name] then return true end
    for _, pattern in ipairs(patterns) do
      if find(name, pattern) then return true end
    end
    return false
  end, empty
end

local namespaceIncluded, includeAll = matcher(SETTINGS.includeNamespaces)
local namespaceExcluded = matcher(SETTINGS.excludeNamespaces)
local containerExcluded = matcher(SETTINGS.excludeContainers)

-- The tail tag of a container log: <prefix><pod>_<namespace>_<container>-<container id>.log.
-- Pod, namespace and container names cannot contain "_", so the split is unambiguous.
local TAG_PREFIX = SETTINGS.tagPrefix or 'kube.var.log.containers.'
local function tagParts(tag)
  if type(tag) ~= 'string' or sub(tag, 1, #TAG_PREFIX) ~= TAG_PREFIX then return nil end
  local _, namespace, rest = string.match(sub(tag, #TAG_PREFIX + 1), '^([^_]+)_([^_]+)_(.+)$')
  if namespace == nil then return nil end
  local container = string.match(rest, '^(.+)%-[0-9a-f]+%.log$') or rest
  return namespace, container
end

-- Whether a line of this namespace and container is shipped at all.
local function shipped(namespace, container)
  if namespaceExcluded(namespace) then return false end
  if not includeAll and not namespaceIncluded(namespace) then return false end
  if container ~= nil and containerExcluded(container) then return false end
  return true
end

function select_record(tag, timestamp, record)
  local namespace, container = tagParts(tag)
  if namespace == nil then return 0, timestamp, record end
  if shipped(namespace, container) then return 0, timestamp, record end
  return -1, timestamp, record
end

local function field(doc, path)
  local node = doc
  for part in string.gmatch(path, '[^%.]+') do
    if type(node) ~= 'table' then return nil end
    node = node[part]
  end
  return node
end

-- A successful probe request line (a failing probe is worth keeping): its user agent starts with
-- one of the prefixes, or its path is one of the paths or below it.
local PROBES = SETTINGS.probes or {}
local function isProbe(doc)
  if not PROBES.drop then return false end
  local status = field(doc, NOISE_FIELDS.status)
  if type(status) == 'number' and status >= 400 then return false end
  local agent = field(doc, NOISE_FIELDS.userAgent)
  if type(agent) == 'string' then
    for _, prefix in ipairs(PROBES.userAgentPrefixes or {}) do
      if sub(agent, 1, #prefix) == prefix then return true end
    end
  end
  local path = field(doc, NOISE_FIELDS.urlPath)
  if type(path) == 'string' then
    for _, probe in ipairs(PROBES.paths or {}) do
      if path == probe or (sub(path, 1, #probe) == probe and sub(path, #probe + 1, #probe + 1) == '/') then
        return true
      end
    end
  end
  return false
end

local function shallowCopy(record)
  local copy = {}
  for key, value in pairs(record) do copy[key] = value end
  return setmetatable(copy, getmetatable(record))
end

-- Token buckets, one per namespace: linesPerSecond refill, burst capacity.
local LIMIT = SETTINGS.rateLimit or {}
local overrides = {}
for index, override in ipairs(LIMIT.overrides or {}) do
  overrides[index] = { matches = (matcher(override.namespaces)), rate = override.linesPerSecond, burst = override.burst }
end
local buckets, dropped = {}, {}
local windowStart

local function bucketFor(namespace, now)
  local bucket = buckets[namespace]
  if bucket ~= nil then return bucket end
  local rate, burst = LIMIT.linesPerSecond, LIMIT.burst
  for _, override in ipairs(overrides) do
    if override.matches(namespace) then
      rate, burst = override.rate, override.burst
      break
    end
  end
  bucket = { tokens = burst, last = now, rate = rate, burst = burst }
  buckets[namespace] = bucket
  return bucket
end

local function admit(namespace, now)
  local bucket = bucketFor(namespace, now)
  if now > bucket.last then
    bucket.tokens = math.min(bucket.burst, bucket.tokens + (now - bucket.last) * bucket.rate)
    bucket.last = now
  end
  if bucket.tokens >= 1 then
    bucket.tokens = bucket.tokens - 1
    return true
  end
  return false
end

local function setPath(doc, path, value)
  local node, parts = doc, {}
  for part in string.gmatch(path, '[^%.]+') do parts[#parts + 1] = part end
  for index = 1, #parts - 1 do
    local part = parts[index]
    if type(node[part]) ~= 'table' then node[part] = {} end
    node = node[part]
  end
  node[parts[#parts]] = value
end

-- One summary document per namespace that lost lines since the last summary, sorted by name.
local function summaries(now)
  windowStart = windowStart or now
  local interval = now - windowStart
  if interval < (LIMIT.summaryIntervalSeconds or 60) then return nil end
  windowStart = now
  local names = {}
  for namespace in pairs(dropped) do names[#names + 1] = namespace end
  if #names == 0 then return nil end
  table.sort(names)
  local docs = {}
  for index, namespace in ipairs(names) do
    local count = dropped[namespace]
    local bucket = buckets[namespace]
    local doc = {
      time = os.date('!%Y-%m-%dT%H:%M:%SZ', floor(now)),
      level = 'warn',
      message = format(
        'rate limit: dropped %d lines of namespace %s in the last %d s (limit %s lines/s, burst %s)',
        count, namespace, interval, tostring(bucket.rate), tostring(bucket.burst)
      ),
      kubernetes = { namespace_name = namespace },
    }
    setPath(doc, NOISE_FIELDS.dropped, count)
    setPath(doc, NOISE_FIELDS.interval, interval)
    docs[index] = doc
  end
  dropped = {}
  return docs
end

local function namespaceOf(doc)
  local kubernetes = doc.kubernetes
  local namespace = type(kubernetes) == 'table' and kubernetes.namespace_name or nil
  return type(namespace) == 'string' and namespace or ''
end

-- Pod annotations outside keepAnnotations are left out (all are kept when the list is empty).
local KEEP = {}
for _, key in ipairs(SETTINGS.keepAnnotations or {}) do KEEP[key] = true end
local trimsAnnotations = next(KEEP) ~= nil

local function withKeptAnnotations(record)
  local kubernetes = record.kubernetes
  if not trimsAnnotations or type(kubernetes) ~= 'table' or type(kubernetes.annotations) ~= 'table' then
    return record
  end
  local kept, any = setmetatable({}, getmetatable(kubernetes.annotations)), false
  for key, value in pairs(kubernetes.annotations) do
    if KEEP[key] then
      kept[key], any = value, true
    end
  end
  local copy = shallowCopy(kubernetes)
  copy.annotations = any and kept or nil
  local out = shallowCopy(record)
  out.kubernetes = copy
  return out
end

function limit_record(_, timestamp, record)
  if isProbe(record) then return -1, timestamp, record end
  local out = withKeptAnnotations(record)
  if not LIMIT.enabled then
    if out == record then return 0, timestamp, record end
    return 2, timestamp, out
  end
  local now = clock()
  local namespace = namespaceOf(record)
  if not admit(namespace, now) then
    dropped[namespace] = (dropped[namespace] or 0) + 1
    if out == record then out = shallowCopy(record) end
    out[MARK_KEY] = namespace ~= '' and namespace or '-'
  end
  local extra = summaries(now)
  if extra == nil then
    if out == record then return 0, timestamp, record end
    return 2, timestamp, out
  end
  local records = { out }
  for _, doc in ipairs(extra) do records[#records + 1] = doc end
  return 2, timestamp, records
end
