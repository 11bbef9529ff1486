-- Server lists are paged in the database, newest first: these let a page be read without sorting every instance.
CREATE INDEX ix_instances_project_created ON instances (project_id, created_at, uuid);
CREATE INDEX ix_instances_created ON instances (created_at, uuid);
