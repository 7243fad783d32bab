package kr.outage.compensation.entitlement.persistence;

import java.sql.SQLException;

/** The database refused or could not run a statement; unchecked so services need not thread SQLException through. */
public class DatabaseFailure extends RuntimeException {

    public DatabaseFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
