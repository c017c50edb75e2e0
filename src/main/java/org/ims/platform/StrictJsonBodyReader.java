package org.ims.platform;

import jakarta.annotation.Priority;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ims.platform.ErrorEnvelope.FieldError;

/**
 * Reads every JSON request body of the API into its body class, strictly: what a lenient binder
 * would guess is refused, naming the property, in the client's terms (never a Java class name).
 *
 * <ul>
 *   <li>MALFORMED_REQUEST: not UTF-8, not JSON, not one object (anything after it, two objects), a
 *       key given twice, a property the body class does not have, or a value of the wrong type:
 *       {@code "title": 123}, {@code "mustChangePassword": "yes"}, {@code ["Meeting"]} for text, a
 *       number with a fraction or out of range where a whole number is asked for ({@code 1e400});
 *   <li>VALIDATION_ERROR: text the system cannot store (a NUL, a lone surrogate).
 * </ul>
 *
 * Body classes ({@link JsonBody}) have public fields: text, whole numbers, yes/no, lists of those,
 * or {@code Object} for a property that is accepted and ignored.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Priority(Priorities.ENTITY_CODER)
public class StrictJsonBodyReader implements MessageBodyReader<JsonBody> {

  /** Looked up once: finding the provider costs more than parsing a small body. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return JsonBody.class.isAssignableFrom(type);
  }

  @Override
  public JsonBody readFrom(
      Class<JsonBody> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream entity)
      throws IOException {
    String text = utf8(body(headers, entity));
    if (text.isBlank()) {
      return null; // no body: the operation says whether it needs one
    }
    return bind(type, parse(text));
  }

  /**
   * The body's bytes: as many as Content-Length says when it says (a server may leave the stream
   * open past them, e.g. on a request that also asks to upgrade the connection), else up to its
   * end. RequestSizeLimit has refused anything over 1 MB by then.
   */
  private static byte[] body(MultivaluedMap<String, String> headers, InputStream entity)
      throws IOException {
    String length = headers.getFirst("Content-Length");
    if (length != null && length.trim().matches("\\d{1,9}")) {
      return entity.readNBytes(Integer.parseInt(length.trim()));
    }
    return entity.readAllBytes();
  }

  private static String utf8(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      // A byte order mark is not JSON, but harmless: tolerated at the start only.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw malformed("body", "The body is not valid UTF-8 text.");
    }
  }

  /** The one JSON object of the body, every key once, nothing after it. */
  static JsonObject parse(String text) {
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw malformed("body", "The body must be one JSON object.");
      }
      JsonObject object = object(parser, "");
      if (parser.hasNext()) {
        throw malformed("body", "Only one JSON object may be sent: something follows it.");
      }
      return object;
    } catch (JsonParsingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNumber()
                  + ", column "
                  + e.getLocation().getColumnNumber()
                  + ")";
      throw malformed("body", "The body is not valid JSON" + where + ".");
    }
  }

  private static JsonObject object(JsonParser parser, String path) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    Set<String> keys = new HashSet<>();
    while (true) {
      JsonParser.Event event = parser.next();
      if (event == JsonParser.Event.END_OBJECT) {
        return object.build();
      }
      String key = parser.getString();
      String field = path.isEmpty() ? key : path + "." + key;
      if (!keys.add(key)) {
        throw malformed(field, "This property is given twice.");
      }
      object.add(key, value(parser, parser.next(), field));
    }
  }

  private static JsonValue value(JsonParser parser, JsonParser.Event event, String field) {
    return switch (event) {
      case START_OBJECT -> object(parser, field);
      case START_ARRAY -> array(parser, field);
      case VALUE_STRING -> JSON.createValue(parser.getString());
      case VALUE_NUMBER -> JSON.createValue(parser.getBigDecimal());
      case VALUE_TRUE -> JsonValue.TRUE;
      case VALUE_FALSE -> JsonValue.FALSE;
      case VALUE_NULL -> JsonValue.NULL;
      default -> throw malformed(field, "Unexpected " + event + ".");
    };
  }

  private static JsonArray array(JsonParser parser, String field) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    int index = 0;
    for (JsonParser.Event event = parser.next();
        event != JsonParser.Event.END_ARRAY;
        event = parser.next()) {
      array.add(value(parser, event, field + "[" + index++ + "]"));
    }
    return array.build();
  }

  /** The body class filled from the object; every problem of every property reported at once. */
  private static JsonBody bind(Class<JsonBody> type, JsonObject json) {
    JsonBody body;
    try {
      body = type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " is not a body class", e);
    }
    List<FieldError> shape = new ArrayList<>();
    List<FieldError> text = new ArrayList<>();
    for (String name : json.keySet()) {
      Field field = property(type, name);
      if (field == null) {
        shape.add(new FieldError(name, "This property is not part of this request."));
        continue;
      }
      try {
        field.set(body, convert(json.get(name), field.getGenericType(), name, text));
      } catch (WrongType wrong) {
        shape.add(new FieldError(wrong.field, wrong.getMessage()));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    if (!shape.isEmpty()) {
      throw new ApiException(
          ErrorCode.MALFORMED_REQUEST, "The request body is not of the expected shape.", shape);
    }
    if (!text.isEmpty()) {
      throw ApiException.invalid("Some text cannot be stored.", text);
    }
    return body;
  }

  private static Field property(Class<?> type, String name) {
    try {
      Field field = type.getField(name);
      return Modifier.isStatic(field.getModifiers()) ? null : field;
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /** The Java value of a JSON value for a field of this type; null stays null but for yes/no. */
  private static Object convert(JsonValue value, Type type, String field, List<FieldError> text)
      throws WrongType {
    if (type == Object.class) {
      return null; // accepted and ignored (a read-only property sent back)
    }
    boolean primitive = type instanceof Class<?> c && c.isPrimitive();
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      if (primitive) {
        throw new WrongType(field, "Expected " + expected(type) + ", not null.");
      }
      return null;
    }
    if (type == String.class) {
      if (!(value instanceof JsonString string)) {
        throw new WrongType(field, "Expected text, got " + kind(value) + ".");
      }
      String problem = TextRules.unstorable(string.getString());
      if (problem != null) {
        text.add(new FieldError(field, problem));
      }
      return string.getString();
    }
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
      boolean isLong = type == Long.class || type == long.class;
      if (!(value instanceof JsonNumber number) || !isWhole(number.bigDecimalValue())) {
        throw new WrongType(field, "Expected a whole number, got " + kind(value) + ".");
      }
      try {
        return isLong
            ? number.bigDecimalValue().longValueExact()
            : number.bigDecimalValue().intValueExact();
      } catch (ArithmeticException e) {
        throw new WrongType(field, "This number is too large.");
      }
    }
    if (type == Boolean.class || type == boolean.class) {
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        throw new WrongType(field, "Expected true or false, got " + kind(value) + ".");
      }
      return value == JsonValue.TRUE;
    }
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      if (!(value instanceof JsonArray array)) {
        throw new WrongType(field, "Expected a list, got " + kind(value) + ".");
      }
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        Object item =
            convert(array.get(i), list.getActualTypeArguments()[0], field + "[" + i + "]", text);
        if (item == null) {
          throw new WrongType(field + "[" + i + "]", "Expected a value, not null.");
        }
        items.add(item);
      }
      return items;
    }
    throw new IllegalStateException("No JSON binding for " + type + " of " + field);
  }

  /** 1e400 is whole (and then too large); 1.5 and 1.0 are written as fractions: refused. */
  private static boolean isWhole(BigDecimal number) {
    return number.scale() <= 0;
  }

  private static String expected(Type type) {
    return type == boolean.class ? "true or false" : "a whole number";
  }

  private static String kind(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> "text";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "true or false";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case NULL -> "null";
    };
  }

  private static ApiException malformed(String field, String message) {
    return new ApiException(
        ErrorCode.MALFORMED_REQUEST, message, List.of(new FieldError(field, message)));
  }

  /** A value of a type the property does not take. */
  private static final class WrongType extends Exception {
    final String field;

    WrongType(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }
}
