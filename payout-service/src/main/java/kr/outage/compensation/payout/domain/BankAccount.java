package kr.outage.compensation.payout.domain;

/**
 * Where a claim's support is transferred. Two accounts are the same when bank, number (dashes aside)
 * and holder agree: re-sending a failed transfer to the same account would fail again.
 */
public record BankAccount(String bank, String number, String holder) {

    public boolean sameAs(BankAccount other) {
        return bank.trim().equalsIgnoreCase(other.bank.trim()) && digits().equals(other.digits())
                && holder.trim().equals(other.holder.trim());
    }

    /** All but the last four digits hidden: what history and views may show. */
    public String maskedNumber() {
        String digits = digits();
        String tail = digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
        return "*".repeat(Math.max(0, digits.length() - 4)) + tail;
    }

    private String digits() {
        return number.replace("-", "");
    }
}
