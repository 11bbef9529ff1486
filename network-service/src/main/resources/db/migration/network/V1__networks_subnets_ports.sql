-- network-service schema. Portable SQL: the same file runs on H2 (the default) and on PostgreSQL.

CREATE TABLE networks (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    name            VARCHAR(255) NOT NULL,
    project_id      VARCHAR(64),
    shared          BOOLEAN      NOT NULL DEFAULT FALSE,
    -- Neutron's router:external (a provider network floating IPs come from).
    router_external BOOLEAN      NOT NULL DEFAULT FALSE,
    admin_state_up  BOOLEAN      NOT NULL DEFAULT TRUE,
    status          VARCHAR(16)  NOT NULL,
    mtu             INTEGER      NOT NULL,
    description     VARCHAR(255) NOT NULL DEFAULT '',
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Networks are looked up by name when a server create names one.
CREATE INDEX networks_name ON networks (name);

CREATE TABLE subnets (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    network_id  VARCHAR(36)  NOT NULL REFERENCES networks (id),
    name        VARCHAR(255) NOT NULL,
    project_id  VARCHAR(64),
    ip_version  INTEGER      NOT NULL CHECK (ip_version IN (4, 6)),
    cidr        VARCHAR(64)  NOT NULL,
    -- NULL: the subnet has no gateway.
    gateway_ip  VARCHAR(64),
    enable_dhcp BOOLEAN      NOT NULL DEFAULT TRUE,
    description VARCHAR(255) NOT NULL DEFAULT '',
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX subnets_network ON subnets (network_id);

-- The ranges automatic allocation takes addresses from, both ends included, in the order the subnet lists them.
CREATE TABLE subnet_allocation_pools (
    subnet_id  VARCHAR(36) NOT NULL REFERENCES subnets (id) ON DELETE CASCADE,
    pool_index INTEGER     NOT NULL,
    first_ip   VARCHAR(64) NOT NULL,
    last_ip    VARCHAR(64) NOT NULL,
    PRIMARY KEY (subnet_id, pool_index)
);

CREATE TABLE ports (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    network_id         VARCHAR(36)  NOT NULL REFERENCES networks (id),
    name               VARCHAR(255) NOT NULL DEFAULT '',
    mac_address        VARCHAR(17)  NOT NULL,
    -- NULL while unbound, so that the one-port-per-device-and-network rule below ignores unbound ports.
    device_id          VARCHAR(255),
    device_owner       VARCHAR(255) NOT NULL DEFAULT '',
    project_id         VARCHAR(64),
    status             VARCHAR(16)  NOT NULL,
    admin_state_up     BOOLEAN      NOT NULL DEFAULT TRUE,
    binding_host_id    VARCHAR(255),
    -- A port the user created and handed to a server is unbound, not deleted, when the server goes (Nova's
    -- preserve_on_delete); ports the service created for the server are deleted with it.
    preserve_on_delete BOOLEAN      NOT NULL DEFAULT FALSE,
    description        VARCHAR(255) NOT NULL DEFAULT '',
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ports_mac_unique_per_network UNIQUE (network_id, mac_address),
    -- allocate_for_instance is idempotent by (instance, network) even when two service processes handle a
    -- redelivered request at once: the second insert fails here and the caller returns the first port.
    CONSTRAINT ports_one_per_device_and_network UNIQUE (device_id, network_id)
);
CREATE INDEX ports_device ON ports (device_id);
CREATE INDEX ports_project ON ports (project_id);

-- Addresses held by ports. The unique (subnet_id, ip_address) is what guarantees an address is never handed out
-- twice, however many network-service processes allocate at once: in-memory state only picks candidates.
-- ip_address is always the canonical text form (RFC 5952 for IPv6), so equal addresses compare equal.
CREATE TABLE port_fixed_ips (
    port_id    VARCHAR(36) NOT NULL REFERENCES ports (id) ON DELETE CASCADE,
    subnet_id  VARCHAR(36) NOT NULL REFERENCES subnets (id),
    ip_address VARCHAR(64) NOT NULL,
    CONSTRAINT port_fixed_ips_address_unique_per_subnet UNIQUE (subnet_id, ip_address)
);
CREATE INDEX port_fixed_ips_port ON port_fixed_ips (port_id);
