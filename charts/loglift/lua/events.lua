-- Shapes a Kubernetes Event for the events stream (the document shape is eventFields of
-- @loglift/log-schema): the Event object as the API server returns it, without
-- metadata.managedFields, the server's bookkeeping of which client set which field, which is
-- larger than the rest of the Event and says nothing about what happened.

function shape_event(_, timestamp, record)
  local metadata = record.metadata
  if type(metadata) ~= 'table' or metadata.managedFields == nil then return 0, timestamp, record end
  local kept = setmetatable({}, getmetatable(metadata))
  for key, value in pairs(metadata) do
    if key ~= 'managedFields' then kept[key] = value end
  end
  local shaped = setmetatable({}, getmetatable(record))
  for key, value in pairs(record) do shaped[key] = value end
  shaped.metadata = kept
  return 2, timestamp, shaped
end
