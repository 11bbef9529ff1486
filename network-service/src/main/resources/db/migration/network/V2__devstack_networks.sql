-- The networks DevStack creates, so a fresh novasim can boot servers at once: the project network "private" and
-- the external network "public". Fixed ids keep them the same on every installation.
-- One deviation: DevStack gives "private" to its demo project; projects live in api-service's database, not here,
-- so "private" belongs to no project and is shared instead, which lets every project boot on it (the default
-- network of a server create).

INSERT INTO networks (id, name, project_id, shared, router_external, admin_state_up, status, mtu, description,
                      created_at, updated_at)
VALUES ('6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4a01', 'private', NULL, TRUE, FALSE, TRUE, 'ACTIVE', 1450, '',
        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
       ('6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4a02', 'public', NULL, TRUE, TRUE, TRUE, 'ACTIVE', 1500, '',
        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO subnets (id, network_id, name, project_id, ip_version, cidr, gateway_ip, enable_dhcp, description,
                     created_at, updated_at)
VALUES ('6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4b01', '6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4a01', 'private-subnet', NULL, 4,
        '10.0.0.0/24', '10.0.0.1', TRUE, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
       ('6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4b02', '6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4a02', 'public-subnet', NULL, 4,
        '172.24.4.0/24', '172.24.4.1', FALSE, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO subnet_allocation_pools (subnet_id, pool_index, first_ip, last_ip)
VALUES ('6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4b01', 0, '10.0.0.2', '10.0.0.254'),
       ('6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4b02', 0, '172.24.4.2', '172.24.4.254');
