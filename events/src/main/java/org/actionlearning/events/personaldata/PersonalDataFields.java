package org.actionlearning.events.personaldata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link PersonalData} components of event records, found once per type. */
public final class PersonalDataFields {

    private static final Map<Class<?>, List<RecordComponent>> BY_TYPE = new ConcurrentHashMap<>();

    private PersonalDataFields() {
    }

    /** The components of {@code type} marked {@link PersonalData}, in declaration order (none for non-records). */
    public static List<RecordComponent> of(Class<?> type) {
        return BY_TYPE.computeIfAbsent(type, t -> t.isRecord()
                ? Arrays.stream(t.getRecordComponents()).filter(c -> c.isAnnotationPresent(PersonalData.class)).toList()
                : List.of());
    }

    /** The non-null values of the personal components of {@code event}. */
    public static List<String> values(Object event) {
        List<String> values = new ArrayList<>();
        for (RecordComponent component : of(event.getClass())) {
            try {
                Object value = component.getAccessor().invoke(event);
                if (value != null) {
                    values.add(value.toString());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return values;
    }
}
