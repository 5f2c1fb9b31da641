-- The record-to-document lift (liftRecord and setAsideOversize of log-schema) and the filter callback.

-- setAsideOversize: leaves whose index term (app.<path>=<value>) would pass the term limit move
-- out of the app record, copied on write so the record Fluent Bit passed in is never changed.
local SET_ASIDE = {}
local PREFIX_BYTES = #LIFT.mergeKey + 2
local segments, segmentIsIndex = {}, {}

-- An item's path as liftRecord names it: keys joined by dots, array items by their index.
local function indexPathOf(depth)
  local path = ''
  for level = 1, depth do
    local segment = segments[level]
    if segmentIsIndex[level] then
      path = path .. '.' .. segment
    else
      path = path == '' and segment or path .. '.' .. segment
    end
  end
  return path
end

local function scalarBytes(value)
  local kind = type(value)
  if kind == 'string' then return #value end
  if kind == 'number' or kind == 'boolean' then return 24 end
  return 0
end

local function setAside(node, pathEmpty, pathBytes, depth, oversize)
  if type(node) ~= 'table' then
    if PREFIX_BYTES + pathBytes + scalarBytes(node) <= LIFT.appTermMaxBytes then return node end
    local path = indexPathOf(depth)
    if oversize.values[path] == nil then oversize.paths[#oversize.paths + 1] = path end
    oversize.values[path] = node
    return SET_ASIDE
  end
  local copy
  if isArray(node) then
    local removed = false
    for index = 1, #node do
      local item = node[index]
      segments[depth + 1], segmentIsIndex[depth + 1] = tostring(index - 1), true
      local kept = setAside(item, pathEmpty, pathBytes, depth + 1, oversize)
      if kept ~= item then
        copy = copy or shallowCopy(node)
        copy[index] = kept
        removed = removed or kept == SET_ASIDE
      end
    end
    if copy == nil or not removed then return copy or node end
    local compact = setmetatable({}, getmetatable(node))
    for index = 1, #node do
      if copy[index] ~= SET_ASIDE then compact[#compact + 1] = copy[index] end
    end
    return compact
  end
  for key, value in pairs(node) do
    local name = type(key) == 'string' and key or tostring(key)
    segments[depth + 1], segmentIsIndex[depth + 1] = name, false
    local childBytes = pathBytes + #name + (pathEmpty and 0 or 1)
    local kept = setAside(value, pathEmpty and name == '', childBytes, depth + 1, oversize)
    if kept ~= value then
      copy = copy or shallowCopy(node)
      if kept == SET_ASIDE then
        copy[key] = nil
      else
        copy[key] = kept
      end
    end
  end
  return copy or node
end

local function setAsideOversize(app)
  local oversize = { values = {}, paths = {} }
  local kept = setAside(app, true, 0, 0, oversize)
  -- Lua tables have no key order: sorted, the list is the same on every run.
  table.sort(oversize.paths)
  return kept, oversize
end

-- The contract's tables in the shape the engine walks: paths split once, at load.
local RULES = {}
for index, rule in ipairs(LIFT.rules) do
  local sources = {}
  for position, source in ipairs(rule.sources) do
    local convert = CONVERSIONS[source.convert]
    if convert == nil then error('lift rule ' .. rule.target .. ': unknown conversion ' .. source.convert, 0) end
    sources[position] = { parts = splitDots(source.path), convert = convert }
  end
  RULES[index] = { target = splitDots(rule.target), sources = sources }
end
local DROPPED, ROOT_NAMES = {}, {}
for _, key in ipairs(LIFT.droppedKeys) do DROPPED[key] = true end
for _, key in ipairs(LIFT.rootNames) do ROOT_NAMES[key] = true end
local LABELS = {}
for index, label in ipairs(LIFT.workloadLabels) do
  LABELS[index] = { key = label.key, dotless = (string.gsub(label.key, '%.', '_')), field = splitDots(label.field) }
end
local OVERSIZE_VALUES, OVERSIZE_FIELDS = splitDots(LIFT.oversizeValues), splitDots(LIFT.oversizeFields)
local MERGE_KEY = LIFT.mergeKey
local P = {
  level = { 'level' },
  message = { 'message' },
  time = { 'time' },
  stackTrace = { 'error', 'stack_trace' },
  errorType = { 'error', 'type' },
  errorMessage = { 'error', 'message' },
  serviceName = { 'service', 'name' },
  nameSource = { 'service', 'name_source' },
}

-- A label by its key as the kubernetes filter gives it, or with its dots already replaced by _.
local function labelValue(labels, label)
  if not isObject(labels) then return nil end
  local value = labels[label.key]
  if value == nil or value == NULL then value = labels[label.dotless] end
  if type(value) == 'string' and value ~= '' then return value end
  return nil
end

local WORKLOAD_KIND, WORKLOAD_NAME = splitDots(LIFT.workloadFields.kind), splitDots(LIFT.workloadFields.name)
local CRONJOB_PATTERN = '^(.+)%-(' .. string.rep('%d', LIFT.cronJobSuffix.digits) .. ')$'

-- workloadOf of log-schema: the controller owner reference (else the first); a ReplicaSet ending
-- in the pod's pod-template-hash is its Deployment, a Job named like a CronJob's is that CronJob.
local function workloadOf(kubernetes)
  local refs = kubernetes.ownerReferences
  if type(refs) ~= 'table' then return nil end
  local owner
  for index = 1, #refs do
    local ref = refs[index]
    if isObject(ref) then
      if ref.controller == true then
        owner = ref
        break
      end
      owner = owner or ref
    end
  end
  if owner == nil then return nil end
  local kind, name = owner.kind, owner.name
  if type(kind) ~= 'string' or kind == '' or type(name) ~= 'string' or name == '' then return nil end
  if kind == 'ReplicaSet' then
    local labels = isObject(kubernetes.labels) and kubernetes.labels or {}
    local hash = labels[LIFT.podTemplateHashLabel]
    if type(hash) == 'string' and hash ~= '' and #name > #hash + 1 and sub(name, -#hash - 1) == '-' .. hash then
      return 'Deployment', sub(name, 1, #name - #hash - 1)
    end
  elseif kind == 'Job' then
    local cronJob, minutes = match(name, CRONJOB_PATTERN)
    if cronJob ~= nil and tonumber(minutes) >= LIFT.cronJobSuffix.min then return 'CronJob', cronJob end
  end
  return kind, name
end

-- The workload in place of the owner references, on a copy: the record stays as it came.
local function liftOwner(doc)
  if not isObject(doc.kubernetes) or doc.kubernetes.ownerReferences == nil then return end
  local source = doc.kubernetes
  local kubernetes = shallowCopy(source)
  kubernetes.ownerReferences = nil
  doc.kubernetes = kubernetes
  local kind, name = workloadOf(source)
  if kind == nil then return end
  setPath(doc, WORKLOAD_KIND, kind)
  setPath(doc, WORKLOAD_NAME, name)
end

local function liftWorkload(doc)
  liftOwner(doc)
  local kubernetes = isObject(doc.kubernetes) and doc.kubernetes or nil
  local labels = kubernetes and kubernetes.labels
  for _, label in ipairs(LABELS) do
    local value = labelValue(labels, label)
    if value ~= nil then setPath(doc, label.field, value) end
  end
  if has(doc, P.serviceName) then
    setPath(doc, P.nameSource, 'app')
    return
  end
  for _, key in ipairs(LIFT.serviceNameLabels) do
    for _, label in ipairs(LABELS) do
      if label.key == key then
        local value = labelValue(labels, label)
        if value ~= nil then
          setPath(doc, P.serviceName, value)
          setPath(doc, P.nameSource, 'label:' .. key)
          return
        end
      end
    end
  end
  local container = kubernetes and kubernetes.container_name
  if type(container) == 'string' and container ~= '' then
    setPath(doc, P.serviceName, container)
    setPath(doc, P.nameSource, 'container')
  end
end

local function liftRecord(record, recordMillis)
  local doc = {}
  local app = isObject(record[MERGE_KEY]) and record[MERGE_KEY] or nil
  local copied = false
  local raw
  for key, value in pairs(record) do
    if key ~= MERGE_KEY and not DROPPED[key] then
      if key == 'log' and type(value) == 'string' then
        raw = value
      elseif key == 'kubernetes' or key == 'stream' or not ROOT_NAMES[key] then
        doc[key] = value
      else
        if not copied then
          app = app and shallowCopy(app) or setmetatable({}, { type = MAP })
          copied = true
        end
        app[app[key] ~= nil and 'root.' .. key or key] = value
      end
    end
  end
  if app ~= nil then
    local kept, oversize = setAsideOversize(app)
    doc[MERGE_KEY] = kept
    if #oversize.paths > 0 then
      setPath(doc, OVERSIZE_VALUES, oversize.values)
      setPath(doc, OVERSIZE_FIELDS, setmetatable(oversize.paths, { type = ARRAY }))
    end
    for _, rule in ipairs(RULES) do
      for _, source in ipairs(rule.sources) do
        local value = walk(app, source.parts, 1)
        if value ~= nil then value = source.convert(value) end
        if value ~= nil then
          setPath(doc, rule.target, value)
          break
        end
      end
    end
    -- Serilog's compact JSON (CLEF) leaves `@l` out for Information.
    if not has(doc, P.level) and app['@t'] ~= nil and (app['@m'] ~= nil or app['@mt'] ~= nil) then doc.level = 'info' end
  end
  if not has(doc, P.message) and raw ~= nil and raw ~= '' then doc.message = raw end
  local text = doc.message
  if type(text) == 'string' then
    local stackTrace, kind, message = detectStackTrace(text)
    if stackTrace then
      if not has(doc, P.level) then doc.level = 'error' end
      if not has(doc, P.stackTrace) then setPath(doc, P.stackTrace, stackTrace) end
      if kind ~= nil and not has(doc, P.errorType) then setPath(doc, P.errorType, kind) end
      if message ~= nil and not has(doc, P.errorMessage) then setPath(doc, P.errorMessage, message) end
    elseif not has(doc, P.level) then
      local level = detectTextLevel(text)
      if level ~= nil then doc.level = level end
    end
  end
  if not has(doc, P.time) then doc.time = formatTime(recordMillis) end
  liftWorkload(doc)
  return doc
end

-- The record's time in epoch milliseconds, from time_as_table's {sec, nsec} or a number of seconds.
local function millisOf(timestamp)
  if type(timestamp) == 'table' then return timestamp.sec * 1000 + floor(timestamp.nsec / 1e6) end
  return floor(timestamp * 1000)
end

-- The lua filter's callback (`call lift`). A record the engine cannot lift is kept as it came,
-- with the reason under loglift.lift_error, so no line is ever lost to a bug in the lift.
function lift(_, timestamp, record)
  local ok, doc = pcall(function()
    return liftRecord(record, millisOf(timestamp))
  end)
  if ok then return 1, timestamp, doc end
  local kept = shallowCopy(record)
  local marker = isObject(record.loglift) and shallowCopy(record.loglift) or {}
  marker.lift_error = tostring(doc)
  kept.loglift = marker
  return 1, timestamp, kept
end
