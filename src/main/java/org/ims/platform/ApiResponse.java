package org.ims.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/** The body of every successful API response: {@code {"status":"success","data":…,"meta":…}}. */
@JsonbPropertyOrder({"status", "data", "meta"})
public record ApiResponse<T>(String status, T data, Map<String, Object> meta) {

  public static <T> ApiResponse<T> of(T data) {
    return new ApiResponse<>("success", data, Map.of());
  }

  public static <T> ApiResponse<T> of(T data, Map<String, Object> meta) {
    return new ApiResponse<>("success", data, meta);
  }
}
