package org.ims.platform;

import java.util.function.ToLongFunction;
import org.primefaces.model.LazyDataModel;

/**
 * A PrimeFaces lazy table whose rows are known by a numeric id: the table asks for a row back by
 * its key (selection, row events), and finds it among the rows of the page it loaded last.
 */
public abstract class KeyedLazyModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  private final transient ToLongFunction<T> id;

  protected KeyedLazyModel(ToLongFunction<T> id) {
    this.id = id;
  }

  @Override
  public String getRowKey(T row) {
    return Long.toString(id.applyAsLong(row));
  }

  @Override
  public T getRowData(String rowKey) {
    return getWrappedData() == null
        ? null
        : getWrappedData().stream()
            .filter(r -> getRowKey(r).equals(rowKey))
            .findFirst()
            .orElse(null);
  }
}
