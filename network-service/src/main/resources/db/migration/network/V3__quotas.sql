-- A project's own Neutron quotas, where an admin set them (PUT /v2.0/quotas/{project}); the rest take the defaults.
CREATE TABLE quotas (
    project_id  VARCHAR(64) NOT NULL,
    resource    VARCHAR(16) NOT NULL,
    hard_limit  INTEGER     NOT NULL,
    PRIMARY KEY (project_id, resource)
);

CREATE INDEX networks_project ON networks (project_id);
CREATE INDEX subnets_project ON subnets (project_id);
