-- The resources an instance holds, as columns (as Nova's instances table has them), so that quota usage is a
-- plain SUM rather than a parse of every flavor snapshot.
ALTER TABLE instances ADD COLUMN vcpus INT NOT NULL DEFAULT 0;
ALTER TABLE instances ADD COLUMN memory_mb INT NOT NULL DEFAULT 0;
ALTER TABLE instances ADD COLUMN root_gb INT NOT NULL DEFAULT 0;
