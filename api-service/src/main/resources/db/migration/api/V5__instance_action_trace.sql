-- The trace of the request that started an action (W3C trace id, 32 hex digits), when tracing is on: the dashboard
-- shows it beside the request id, to find the launch in Jaeger.
ALTER TABLE instance_actions ADD COLUMN trace_id VARCHAR(32);

-- The dashboard's live feed asks every second for the servers changed since its last look.
CREATE INDEX ix_instances_updated ON instances (updated_at);
