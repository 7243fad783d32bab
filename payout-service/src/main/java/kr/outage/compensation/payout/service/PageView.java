package kr.outage.compensation.payout.service;

import java.util.List;

/** A page of a list: zero-based {@code page}, {@code size} items per page, {@code total} items in all. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
