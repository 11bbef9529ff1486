-- The token a token was got with (the token method: re-scoping), so that revoking a token revokes those made
-- from it, as Keystone's revocation covers a token's audit chain.
ALTER TABLE tokens ADD COLUMN parent_hash VARCHAR(64);
CREATE INDEX ix_tokens_parent ON tokens (parent_hash);
