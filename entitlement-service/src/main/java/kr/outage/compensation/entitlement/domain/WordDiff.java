package kr.outage.compensation.entitlement.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a pasted message changed in the notice that was sent: the runs of words it added and the runs
 * it left out, found by the longest common subsequence of the two texts' words. Messages are at
 * most a few hundred words, so the quadratic table is small.
 */
public record WordDiff(List<String> added, List<String> removed) {

    public boolean same() {
        return added.isEmpty() && removed.isEmpty();
    }

    /** {@code sent} and {@code pasted} as normalised texts (see {@link OfferText}). */
    public static WordDiff between(String sent, String pasted) {
        String[] a = words(sent);
        String[] b = words(pasted);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // one operation per word: 0 kept, 1 added (from b), -1 left out (from a)
        List<int[]> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                ops.add(new int[]{0, i++, j++});
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add(new int[]{1, -1, j++});
            } else {
                ops.add(new int[]{-1, i++, -1});
            }
        }
        absorbLoneWords(ops);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        StringBuilder add = new StringBuilder();
        StringBuilder remove = new StringBuilder();
        for (int[] op : ops) {
            switch (op[0]) {
                case 0 -> {
                    flush(add, added);
                    flush(remove, removed);
                }
                case 1 -> append(add, b[op[2]]);
                default -> append(remove, a[op[1]]);
            }
        }
        flush(add, added);
        flush(remove, removed);
        return new WordDiff(List.copyOf(added), List.copyOf(removed));
    }

    /**
     * A single kept word between two changes ("to" in "nothing to do" → "… number to receive …") is
     * a coincidence, not a part that stayed: it becomes part of both changes, so each reads as one run.
     */
    private static void absorbLoneWords(List<int[]> ops) {
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            int[] op = ops.get(k);
            boolean lone = op[0] == 0 && k > 0 && k < ops.size() - 1 && ops.get(k - 1)[0] != 0 && ops.get(k + 1)[0] != 0;
            if (lone) {
                out.add(new int[]{-1, op[1], -1});
                out.add(new int[]{1, -1, op[2]});
            } else {
                out.add(op);
            }
        }
        ops.clear();
        ops.addAll(out);
    }

    private static String[] words(String text) {
        String t = text.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static void append(StringBuilder run, String word) {
        if (!run.isEmpty()) {
            run.append(' ');
        }
        run.append(word);
    }

    private static void flush(StringBuilder run, List<String> into) {
        if (!run.isEmpty()) {
            into.add(run.toString());
            run.setLength(0);
        }
    }
}
