package kr.outage.compensation.entitlement.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** SQL text built in pieces with its bind parameters in the same order, so the two never drift apart. */
public final class SqlText {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public SqlText add(String sql, Object... values) {
        text.append(sql);
        Collections.addAll(params, values);
        return this;
    }

    public SqlText add(SqlText other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    public String text() {
        return text.toString();
    }

    public List<Object> params() {
        return params;
    }
}
