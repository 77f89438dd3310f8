package vn.party.localstack;

/** Where a service finds its database: what {@code spring.datasource.*} is set to. */
public record DatabaseLogin(String jdbcUrl, String user, String password) {}
