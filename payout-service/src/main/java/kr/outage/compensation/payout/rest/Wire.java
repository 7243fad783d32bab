package kr.outage.compensation.payout.rest;

/** Accepted spellings of keys, so validation messages can state them. */
final class Wire {

    static final String KEY = "[a-z0-9][a-z0-9_-]{0,63}";
    static final String KEY_MESSAGE = "must be a lowercase key of letters, digits, '_' or '-' (at most 64)";

    private Wire() {
    }
}
