-- api-service and network-service each own a database (as Nova's API and Neutron do), created on first start.
CREATE DATABASE novasim_api;
CREATE DATABASE novasim_network;
