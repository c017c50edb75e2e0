package org.ims.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list and where it stands in the whole, as every list endpoint answers it. */
public record ResultPage<T>(List<T> items, int page, int pageSize, long totalRecords) {

  public long totalPages() {
    return (totalRecords + pageSize - 1) / pageSize;
  }

  public <R> ResultPage<R> map(Function<T, R> mapper) {
    return new ResultPage<>(items.stream().map(mapper).toList(), page, pageSize, totalRecords);
  }

  /** The response's {@code meta}: {@code {"pagination": {page, pageSize, totalPages, …}}}. */
  public Map<String, Object> meta() {
    return Map.of("pagination", pagination(page, pageSize, totalRecords));
  }

  /** The {@code pagination} object of a list response. */
  public static Map<String, Object> pagination(int page, int pageSize, long totalRecords) {
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("page", page);
    pagination.put("pageSize", pageSize);
    pagination.put("totalPages", (totalRecords + pageSize - 1) / pageSize);
    pagination.put("totalRecords", totalRecords);
    return pagination;
  }
}
