-- The trace of the request that started an action (W3C trace id, 32 hex digits), when tracing is on: the dashboard
-- shows it beside the request id, to find the launch in Jaeger.
ALTER TABLE instance_actions ADD COLUMN trace_id VARCHAR(32);
