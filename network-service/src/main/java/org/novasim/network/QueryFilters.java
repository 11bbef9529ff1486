package org.novasim.network;

import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.CriteriaDefinition;

/** Builds the WHERE clause of a list request from Neutron-style filters, where null means "any". */
public final class QueryFilters {

    private Criteria criteria = Criteria.empty();

    public QueryFilters equal(String property, Object value) {
        if (value != null) {
            criteria = criteria.and(property).is(value);
        }
        return this;
    }

    public QueryFilters and(CriteriaDefinition group) {
        criteria = criteria.and(group);
        return this;
    }

    public Criteria criteria() {
        return criteria;
    }
}
